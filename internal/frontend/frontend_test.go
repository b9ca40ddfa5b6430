package frontend_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/internal/frontend"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

func fileOptions() *syntax.FileOptions {
	return &syntax.FileOptions{While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true, Set: true}
}

// predeclared: every name that is not Starlark's own, so that any program
// resolves.
func predeclared(name string) bool { return !starlark.Universe.Has(name) }

func programBytes(t testing.TB, prog *starlark.Program) []byte {
	var b bytes.Buffer
	if err := prog.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSameBytecode: a program that uses none of Python's syntax compiles
// through the front end to exactly what go.starlark.net compiles: the
// spec programs and the scripts.
func TestSameBytecode(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../spec_tests/testdata/*/*.star", "../../scripts/*.star"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	compared := 0
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		_, want, err := starlark.SourceProgramOptions(fileOptions(), name, src, predeclared)
		if err != nil {
			continue // written with Python's syntax
		}
		got, err := frontend.Compile(fileOptions(), name, src, predeclared)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(programBytes(t, got), programBytes(t, want)) {
			t.Errorf("%s: the front end compiled it differently", name)
		}
		compared++
	}
	if compared < 300 {
		t.Errorf("compared %d programs, want at least 300", compared)
	}
	t.Logf("%d programs compile to the same bytes", compared)
}

// TestPositions: what the front end rewrites keeps the positions the user
// wrote, in the syntax tree and so in errors and tracebacks.
func TestPositions(t *testing.T) {
	src := "async def f(x):\n    return await g(x) + f\"{x!r:>{w}} {y}\"\n"
	f, err := frontend.Parse(fileOptions(), "p.star", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	syntax.Walk(f, func(n syntax.Node) bool {
		if id, ok := n.(*syntax.Ident); ok {
			got = append(got, fmt.Sprintf("%s@%d:%d", id.Name, id.NamePos.Line, id.NamePos.Col))
		}
		return true
	})
	want := "f@1:11 x@1:13 $await@2:12 g@2:18 x@2:20 $fstring@2:25 $fmt@2:28 x@2:28 $fstring@2:32 $fmt@2:34 w@2:34 $fmt@2:39 y@2:39 f@1:11 $coroutine@1:1 f@1:11"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("got  %s\nwant %s", s, want)
	}
}

// script returns a program of n lines that uses none of the new syntax.
func script(n int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() == 0 || bytes.Count(b.Bytes(), []byte("\n")) < n; i++ {
		fmt.Fprintf(&b, `# block %d: a function, a call, strings and data
def work_%d(items, limit=10, *rest, **opts):
    total = 0
    for k, v in enumerate(items):
        if v > limit and k %% 2 == 0:
            total += v * 2
        elif v != None:
            total -= len("%d: it's \"quoted\"" + 'x')
    return {"total": total, "rest": [r for r in rest if r], "opts": opts}
r_%d = work_%d([1, 2, 3], limit=%d)

`, i, i, i, i, i, i)
	}
	return b.Bytes()
}

// BenchmarkCompile compares compiling a 10,000-line program through the
// front end with go.starlark.net's own parse and compile of it.
func BenchmarkCompile(b *testing.B) {
	src := script(10_000)
	b.Run("starlark", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for range b.N {
			if _, _, err := starlark.SourceProgramOptions(fileOptions(), "big.star", src, predeclared); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("frontend", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for range b.N {
			if _, err := frontend.Compile(fileOptions(), "big.star", src, predeclared); err != nil {
				b.Fatal(err)
			}
		}
	})
}
