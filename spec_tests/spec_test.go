// Package spec_tests is asyncrun's conformance suite: programs whose output
// must be CPython 3.11's, byte for byte. The programs are in topic folders
// of testdata (README.md says more, and how to add a program):
//
//	asyncio/     tasks, futures, the loop, gather and wait, cancellation,
//	             locks, queues, task groups, timeouts, runners, contextvars
//	exceptions/  Python's exceptions: raising, catching, context and cause,
//	             the hierarchy, the runtime's own errors, exception groups,
//	             try_ and with_
//	io/          streams, servers, subprocesses, files
//	output/      reprs, format specs, builtins that print
//	stderr/      what a program writes to stderr: uncaught tracebacks, the
//	             loop's reports (compared with CPython's, normalised)
//	syntax/      programs in Python's syntax: each .star is its .py, byte for byte
//	scripts/     the twins of the programs of ../scripts
//	seed/        the seed document's examples, verbatim (no twins)
//
// A program DIR/NAME.star has its CPython twin DIR/NAME.py beside it and a
// golden file DIR/NAME.out holding the twin's output (the programs of
// ../scripts have theirs in testdata/scripts). TestSpec runs every program
// under virtual time and compares its stdout with the golden file; when
// python3 is on the PATH it also runs the twins and checks that the golden
// files are still what CPython prints. A new folder of testdata is picked
// up as it is; a program without a twin there fails the test.
//
// The programs of stderr/ have a second golden file, NAME.err: the twin's
// stderr through normalizeStderr (stderr_test.go), which removes only what
// cannot be the same (a traceback's frames, source positions, addresses,
// timings). TestSpec compares it with asyncrun's stderr as the CLI writes
// it (what the program and its loop wrote, then an uncaught exception's
// traceback), normalised the same way; a twin that ends with an uncaught
// exception must have its program end with one, and the other way round.
//
// go test -run TestSpec -update rewrites the golden files (.out, and .err
// in stderr/) from CPython's output of the twins (never from asyncrun's); -run 'TestSpec/^io$/' selects
// one folder.
//
// Programs that do I/O (those of io/, and the scripts of ioScripts) are
// granted the loopback network, programs and the files of testdata (see
// ioOptions); a comment line "# needs: prog ..." in one skips it when a
// program it runs is not on the PATH. No goroutine may be left behind by
// any program (TestMain checks).
package spec_tests

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/internal/twin"
	"github.com/asyncrun/asyncrun/interp"
	"go.uber.org/goleak"
)

// TestMain checks that the programs, I/O included, leave no goroutine
// behind once their interpreters are closed.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// ioScripts are the programs of ../scripts that do I/O.
var ioScripts = map[string]bool{"tcp_echo": true, "parallel_commands": true, "port_probe": true}

// ioOptions grants a program that does I/O what it needs: the loopback
// network, running programs, and reading and writing the files of
// testdata.
func ioOptions(opts *interp.Options) {
	opts.AllowNet = []string{"127.0.0.1", "localhost", "::1"}
	opts.AllowRun = []string{}
	opts.AllowRead = []string{"testdata"}
	opts.AllowWrite = []string{"testdata"}
}

// doesIO reports whether the program of spec s does I/O.
func doesIO(s spec) bool {
	dir, name, _ := strings.Cut(s.name, "/")
	return dir == "io" || (dir == "scripts" && ioScripts[name])
}

// needs returns the programs a "# needs: a b" line of src names.
func needs(src []byte) []string {
	for _, line := range strings.Split(string(src), "\n") {
		if rest, ok := strings.CutPrefix(line, "# needs:"); ok {
			return strings.Fields(rest)
		}
	}
	return nil
}

var update = flag.Bool("update", false, "rewrite the .out (and stderr/'s .err) golden files from the CPython twins")

type spec struct {
	name, star, py, out string
	// err is the golden file of the program's stderr (DIR/NAME.err),
	// for the programs of stderr/; "" for the others, whose stderr is not
	// compared.
	err string
}

// specs lists the programs of the topic folders of testdata (all but
// seed/, whose examples have no twins: see TestSeedExamples) and the
// twins of the scripts of ../scripts. A spec's name is FOLDER/NAME.
func specs(t *testing.T) []spec {
	var out []spec
	stars, _ := filepath.Glob("testdata/*/*.star")
	for _, s := range stars {
		dir := filepath.Base(filepath.Dir(s))
		if dir == "seed" {
			continue
		}
		base := strings.TrimSuffix(s, ".star")
		sp := spec{dir + "/" + filepath.Base(base), s, base + ".py", base + ".out", ""}
		if dir == "stderr" {
			sp.err = base + ".err"
		}
		if _, err := os.Stat(sp.py); err != nil {
			t.Errorf("%s has no CPython twin %s", s, sp.py)
			continue
		}
		out = append(out, sp)
	}
	pys, _ := filepath.Glob("testdata/scripts/*.py")
	for _, p := range pys {
		base := strings.TrimSuffix(p, ".py")
		name := filepath.Base(base)
		out = append(out, spec{"scripts/" + name, filepath.Join("..", "scripts", name+".star"), p, base + ".out", ""})
	}
	if len(out) == 0 {
		t.Fatal("no spec programs found")
	}
	return out
}

// TestSpec runs each program under virtual time and compares its output
// with CPython's.
func TestSpec(t *testing.T) {
	python := twin.Python()
	if python == "" {
		t.Log("python3 not found: the CPython twins are not run; the golden files are used as they are")
	}
	if *update && python == "" {
		t.Fatal("-update needs python3")
	}
	// The twins sleep in real time: each selected subtest starts its twin
	// before it pauses in t.Parallel, so that they run 16 at a time while
	// the subtests wait for their turn (by default, GOMAXPROCS at a time).
	sem := make(chan struct{}, 16)
	var retries sync.Mutex
	for _, s := range specs(t) {
		t.Run(s.name, func(t *testing.T) {
			if doesIO(s) {
				// Files a program writes are NAME.star.tmp and NAME.py.tmp, beside it.
				defer func() {
					tmps, _ := filepath.Glob(filepath.Join(filepath.Dir(s.py), filepath.Base(s.name)+".*.tmp"))
					for _, f := range tmps {
						os.Remove(f)
					}
				}()
				src, _ := os.ReadFile(s.star)
				for _, prog := range needs(src) {
					if _, err := exec.LookPath(prog); err != nil {
						t.Skipf("%s runs %s, which is not on the PATH: skipped", s.star, prog)
					}
				}
			}
			var twin chan pyRun
			if python != "" && !*update {
				twin = make(chan pyRun, 1)
				go func() {
					sem <- struct{}{}
					r := runPython(python, s.py)
					<-sem
					twin <- r
				}()
			}
			t.Parallel()
			if *update {
				r := runPython(python, s.py)
				if r.err != nil {
					t.Logf("%s exited with %v (its stdout is kept)", s.py, r.err)
				}
				if err := os.WriteFile(s.out, r.stdout, 0o644); err != nil {
					t.Fatal(err)
				}
				if s.err != "" {
					if err := os.WriteFile(s.err, []byte(normalizeStderr(string(r.stderr))), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			want, err := os.ReadFile(s.out)
			if err != nil {
				t.Fatalf("golden file: %v", err)
			}
			var wantErr []byte
			if s.err != "" {
				if wantErr, err = os.ReadFile(s.err); err != nil {
					t.Fatalf("golden file: %v", err)
				}
			}
			got, stderr, failed := runStar(t, s.star, doesIO(s))
			if !bytes.Equal(got, want) {
				t.Errorf("asyncrun output differs from CPython's (%s)\n%s\nstderr:\n%s", s.out, diff(want, got), stderr)
			}
			if s.err != "" {
				if gotErr := normalizeStderr(stderr); gotErr != string(wantErr) {
					t.Errorf("asyncrun's stderr, normalised, differs from CPython's (%s)\n%s\nstderr:\n%s", s.err, diff(wantErr, []byte(gotErr)), stderr)
				}
			}
			if python != "" && !*update {
				r := <-twin
				// The twins run in real time, many at once: on a loaded
				// machine a twin can lose an order that depends on time.
				// It is run again, one retry at a time, before the golden
				// file is doubted (asyncrun's own output, under virtual
				// time, is not retried).
				same := func(r pyRun) bool {
					return bytes.Equal(r.stdout, want) && (s.err == "" || normalizeStderr(string(r.stderr)) == string(wantErr))
				}
				for retry := 0; retry < 2 && !same(r); retry++ {
					retries.Lock()
					r = runPython(python, s.py)
					retries.Unlock()
				}
				if r.err != nil && s.err == "" {
					t.Logf("%s: %v", s.py, r.err)
				}
				if !bytes.Equal(r.stdout, want) {
					t.Errorf("CPython twin %s no longer prints %s; rerun with -update\n%s", s.py, s.out, diff(want, r.stdout))
				}
				if s.err != "" {
					if e := normalizeStderr(string(r.stderr)); e != string(wantErr) {
						t.Errorf("CPython twin %s no longer writes %s to stderr; rerun with -update\n%s", s.py, s.err, diff(wantErr, []byte(e)))
					}
					// CPython's exit status is not compared, but a twin that
					// ends with an uncaught exception has its program end so.
					if pyFailed := r.err != nil; pyFailed != failed {
						t.Errorf("ended with an uncaught exception: CPython %v (%v), asyncrun %v", pyFailed, r.err, failed)
					}
				}
			}
		})
	}
}

// runStar runs the program at path under virtual time. stderr is what the
// CLI would write there: what the program and its loop wrote to
// Options.Stderr, then the traceback of an uncaught exception; failed
// reports that the run ended with one (or another error).
func runStar(t *testing.T, path string, io bool) (stdout []byte, stderr string, failed bool) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	opts := interp.Options{Stdout: &out, Stderr: &errb, VirtualTime: true, MaxSteps: 50_000_000, Args: []string{path}}
	if io {
		ioOptions(&opts)
	}
	it := interp.New(opts)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err = it.ExecFile(ctx, path, src)
	if cerr := it.Close(); err == nil && cerr != nil {
		err = cerr // as the CLI reports it
	}
	if err != nil {
		var ie *interp.Error
		if e, ok := err.(*interp.Error); ok {
			ie = e
			errb.WriteString(ie.Traceback())
		} else {
			errb.WriteString(err.Error() + "\n")
		}
	}
	return out.Bytes(), errb.String(), err != nil
}

// pyRun is a run of a CPython twin: its stdout and stderr, and how it
// exited.
type pyRun struct {
	stdout, stderr []byte
	err            error
}

func runPython(python, path string) pyRun {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := twin.Command(ctx, python, filepath.Dir(path), filepath.Base(path))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return pyRun{out.Bytes(), errb.Bytes(), err}
}

// diff shows the first differing line of two outputs, with both in full.
func diff(want, got []byte) string {
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "first difference at line " + itoa(i+1) + ":\n  got:  " + g + "\n  want: " + w +
				"\n--- got ---\n" + string(got) + "--- want ---\n" + string(want)
		}
	}
	return ""
}

func itoa(i int) string { return strconv.Itoa(i) }
