package spec_tests

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPythonTwinsIdentical: the programs of testdata/syntax are written
// once, in Python: each NAME.star is its CPython twin NAME.py byte for
// byte (TestSpec runs both and compares their output).
func TestPythonTwinsIdentical(t *testing.T) {
	stars, _ := filepath.Glob("testdata/syntax/*.star")
	for _, s := range stars {
		star, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		py, err := os.ReadFile(strings.TrimSuffix(s, ".star") + ".py")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(star, py) {
			t.Errorf("%s differs from its twin .py", s)
		}
	}
	if len(stars) < 25 {
		t.Errorf("%d byte-identical twins, want at least 25", len(stars))
	}
}

// TestSeedExamples: the examples of the seed document (asyncio-tasks.rst),
// copied verbatim from `import asyncio` to `loop.close()` (@asyncio.coroutine
// and yield from), print the seed's own output. (Its run_forever example
// needs try:/finally:, which asyncrun spells try_.) display_date prints
// the time: five lines a second apart.
func TestSeedExamples(t *testing.T) {
	stars, _ := filepath.Glob("testdata/seed/*.star")
	if len(stars) < 5 {
		t.Fatalf("%d seed examples, want 5", len(stars))
	}
	for _, s := range stars {
		t.Run(filepath.Base(s), func(t *testing.T) {
			got, stderr, _ := runStar(t, s, false)
			if stderr != "" {
				t.Errorf("stderr:\n%s", stderr)
			}
			want, err := os.ReadFile(strings.TrimSuffix(s, ".star") + ".out")
			if os.IsNotExist(err) {
				date := regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:(\d\d)\.\d{6}$`)
				lines := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n")
				for _, l := range lines {
					if !date.MatchString(l) {
						t.Errorf("got line %q, want a date", l)
					}
				}
				if len(lines) != 5 {
					t.Errorf("got %d lines, want 5:\n%s", len(lines), got)
				}
				return
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got\n%s\nwant (the seed's output)\n%s", got, want)
			}
		})
	}
}
