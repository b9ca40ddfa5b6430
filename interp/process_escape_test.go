package interp_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
	"go.uber.org/goleak"
)

// The process half of the sandbox, attacked: a script that controls its
// code but not the grants tries to run other code than the granted
// programs (env=, cwd=), to leave processes behind, and to start more
// children than the machine survives.

// processEscapeSeeds are scripts of these attacks, for FuzzExec's seeds
// (there without grants: each must end in a PermissionError).
var processEscapeSeeds = []string{
	"asyncio.run(asyncio.create_subprocess_exec('echo', 'hi', env={'LD_PRELOAD': '/tmp/lib.so'}))\n",
	"asyncio.run(asyncio.create_subprocess_exec('./tool', cwd='other'))\n",
	"asyncio.run(asyncio.create_subprocess_shell('sleep 1000 & setsid sleep 1001 &'))\n",
	"asyncio.run(asyncio.create_subprocess_exec('echo', env={'PATH': '.', 'DYLD_INSERT_LIBRARIES': 'x'}))\n",
}

func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s on the PATH", tool)
		}
	}
}

// runScript runs src in an interpreter with opts and returns its stdout
// and the run's error, with a deadline of its own.
func runScript(t *testing.T, opts interp.Options, src string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	opts.Stdout, opts.Stderr = &out, &out
	it := interp.New(opts)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := it.ExecFile(ctx, "escape.star", src)
	if cerr := it.Close(); cerr != nil {
		t.Errorf("Close: %v", cerr)
	}
	return out.String(), err
}

// TestRunEnvLoaderVarsRefused: with a list of programs granted, env= may
// not set the dynamic loader's variables (LD_PRELOAD would load any
// library the script wrote into any granted program); unrestricted
// -allow-run may.
func TestRunEnvLoaderVarsRefused(t *testing.T) {
	needTools(t, "sh")
	for _, tc := range []struct {
		name, env string
		allow     []string
		want      string
	}{
		{"ld_preload", `{"LD_PRELOAD": "/nonexistent/lib.so"}`, []string{"sh"}, "PermissionError create_subprocess_exec('sh', '-c', 'exit 0'): setting LD_PRELOAD in env= is not granted; the dynamic loader's variables (LD_*, DYLD_*) need -allow-run without a list\n"},
		{"ld_library_path", `{"PATH": "/bin", "LD_LIBRARY_PATH": "."}`, []string{"sh"}, "PermissionError create_subprocess_exec('sh', '-c', 'exit 0'): setting LD_LIBRARY_PATH in env= is not granted; the dynamic loader's variables (LD_*, DYLD_*) need -allow-run without a list\n"},
		{"dyld", `{"DYLD_INSERT_LIBRARIES": "x.dylib"}`, []string{"sh"}, "PermissionError create_subprocess_exec('sh', '-c', 'exit 0'): setting DYLD_INSERT_LIBRARIES in env= is not granted; the dynamic loader's variables (LD_*, DYLD_*) need -allow-run without a list\n"},
		{"unrestricted", `{"LD_LIBRARY_PATH": "/nonexistent"}`, []string{}, "ran 0\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := `
def main():
    p = await_(asyncio.create_subprocess_exec("sh", "-c", "exit 0", env=` + tc.env + `))
    print("ran", await_(p.wait()))
def caught(e):
    print(type(e).__name__, e)
try_(lambda: asyncio.run(asyncio.coroutine(main)()), except_=caught)
`
			out, err := runScript(t, interp.Options{AllowRun: tc.allow}, src)
			if err != nil || out != tc.want {
				t.Errorf("got %q, %v; want %q", out, err, tc.want)
			}
		})
	}
}

// TestRunCwdDoesNotChangeProgram: a grant of ./tool is the tool in the
// working folder when it is checked; cwd= changes the child's working
// folder, not which program runs. A PATH in env= does not change which
// echo runs either.
func TestRunCwdDoesNotChangeProgram(t *testing.T) {
	needTools(t, "sh", "echo")
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "other"), 0o755)
	os.WriteFile(filepath.Join(dir, "tool"), []byte("#!/bin/sh\necho granted tool in $(basename $(pwd))\n"), 0o755)
	os.WriteFile(filepath.Join(dir, "other", "tool"), []byte("#!/bin/sh\necho other tool\n"), 0o755)
	os.WriteFile(filepath.Join(dir, "other", "echo"), []byte("#!/bin/sh\necho other echo\n"), 0o755)
	t.Chdir(dir)
	src := `
def main():
    p = await_(asyncio.create_subprocess_exec("./tool", cwd="other", stdout=asyncio.subprocess.PIPE))
    print(await_(p.communicate())[0])
    p = await_(asyncio.create_subprocess_exec("echo", "host echo", env={"PATH": "other"}, cwd=".", stdout=asyncio.subprocess.PIPE))
    print(await_(p.communicate())[0])
asyncio.run(asyncio.coroutine(main)())
`
	out, err := runScript(t, interp.Options{AllowRun: []string{"./tool", "echo"}}, src)
	if want := "b'granted tool in other\\n'\nb'host echo\\n'\n"; err != nil || out != want {
		t.Errorf("got %q, %v; want %q", out, err, want)
	}
}

// pidsLine is a writer that hands the first line written to it to a
// channel.
type pidsLine struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	line chan string
}

func (w *pidsLine) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

func (w *pidsLine) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if i := bytes.IndexByte(w.buf.Bytes(), '\n'); i >= 0 && w.line != nil {
		w.line <- string(w.buf.Bytes()[:i])
		w.line = nil
	}
	return len(p), nil
}

// descendantsScript starts a shell that leaves "sleep 1000" running in
// its process group and exits, prints the pid of sleep, and waits.
const descendantsScript = `
def main():
    p = await_(asyncio.create_subprocess_shell("sleep 1000 >/dev/null 2>&1 & echo $!", stdout=asyncio.subprocess.PIPE))
    pid = await_(p.stdout.readline())
    await_(p.wait())
    print(pid)
    await_(asyncio.sleep(3600))
asyncio.run(asyncio.coroutine(main)())
`

// alive reports whether pid runs (a zombie does not).
func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return signalPid(pid, 0) == nil
	}
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && len(s) > i+2 {
		return s[i+2] != 'Z' && s[i+2] != 'X'
	}
	return true
}

// waitGone waits up to d for pid to end; it reports whether it did.
func waitGone(pid int, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for alive(pid) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond) // polling the process table: no event to wait on
	}
	return true
}

// TestEndKillsDescendants: what a child left running in its process group
// after it exited itself is killed when the run is cancelled (its
// context), and when the interpreter is closed.
func TestEndKillsDescendants(t *testing.T) {
	needTools(t, "sh", "sleep")
	for _, how := range []string{"cancel", "close"} {
		t.Run(how, func(t *testing.T) {
			defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
			lines := make(chan string, 1)
			w := &pidsLine{line: lines}
			it := interp.New(interp.Options{Stdout: w, Stderr: w, AllowRun: []string{"sh"}})
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			src := descendantsScript
			if how == "close" { // the run ends; Close comes after it
				src = strings.Replace(src, "await_(asyncio.sleep(3600))", "pass", 1)
			}
			done := make(chan error, 1)
			go func() {
				_, err := it.ExecFile(ctx, "d.star", src)
				done <- err
			}()
			var pid int
			select {
			case line := <-lines: // b'1234\n'
				pid, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(line, `b'`), `\n'`))
			case err := <-done:
				t.Fatalf("the run ended first: %v; output %q", err, w.String())
			}
			if pid <= 0 || !alive(pid) {
				t.Fatalf("pid %d of sleep is not running", pid)
			}
			defer signalPid(pid, syscall.SIGKILL)
			if how == "cancel" {
				cancel()
				<-done
				if !waitGone(pid, 5*time.Second) {
					t.Errorf("sleep (pid %d) still runs after the run's context was cancelled", pid)
				}
				it.Close()
				return
			}
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			if !alive(pid) {
				t.Fatalf("sleep (pid %d) ended with the run, before Close", pid)
			}
			it.Close()
			if !waitGone(pid, 5*time.Second) {
				t.Errorf("sleep (pid %d) still runs after Close", pid)
			}
		})
	}
}

// TestMaxProcesses: past Options.MaxProcesses live children, starting one
// more is the OSError of a fork past a process limit (errno EAGAIN,
// "Resource temporarily unavailable"); once one is reaped, the next
// starts.
func TestMaxProcesses(t *testing.T) {
	needTools(t, "sleep", "true")
	src := `
def main():
    ps = [await_(asyncio.create_subprocess_exec("sleep", "1000")) for _ in range(2)]
    def third():
        await_(asyncio.create_subprocess_exec("true"))
    def caught(e):
        print(isinstance(e, OSError), e.errno, e)
    try_(third, except_=caught)
    ps[0].kill()
    await_(ps[0].wait())
    p = await_(asyncio.create_subprocess_exec("true"))
    print("then", await_(p.wait()))
    ps[1].kill()
    await_(ps[1].wait())
asyncio.run(asyncio.coroutine(main)())
`
	out, err := runScript(t, interp.Options{AllowRun: []string{}, MaxProcesses: 2}, src)
	if want := "True 11 [Errno 11] Resource temporarily unavailable\nthen 0\n"; err != nil || out != want {
		t.Errorf("got %q, %v; want %q", out, err, want)
	}
}

// TestManyChildren: 2,000 children, at most MaxProcesses at once (a
// Semaphore of that size), all end cleanly, and nothing is left.
func TestManyChildren(t *testing.T) {
	needTools(t, "true")
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	src := `
def run(sem):
    def body():
        p = await_(asyncio.create_subprocess_exec("true"))
        return await_(p.wait())
    return with_(sem, body)
run = asyncio.coroutine(run)
def main():
    sem = asyncio.Semaphore(64)
    codes = await_(asyncio.gather(*[run(sem) for _ in range(2000)]))
    print(len(codes), len([c for c in codes if c != 0]))
asyncio.run(asyncio.coroutine(main)())
`
	out, err := runScript(t, interp.Options{AllowRun: []string{"true"}, MaxProcesses: 64}, src)
	if err != nil || out != "2000 0\n" {
		t.Errorf("got %q, %v", out, err)
	}
}

// TestChildrenHoldNoThread: a child that runs holds no OS thread of the
// interpreter's process while it is waited for (Linux: a pidfd in the
// netpoller), so 200 waiting children do not make 200 threads.
func TestChildrenHoldNoThread(t *testing.T) {
	needTools(t, "sleep")
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc/self/status to count threads")
	}
	threads := starlark.NewBuiltin("threads", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		b, _ := os.ReadFile("/proc/self/status")
		for _, l := range strings.Split(string(b), "\n") {
			if n, ok := strings.CutPrefix(l, "Threads:"); ok {
				v, err := strconv.Atoi(strings.TrimSpace(n))
				return starlark.MakeInt(v), err
			}
		}
		return nil, errors.New("threads: no Threads line")
	})
	src := `
def main():
    before = threads()
    ps = [await_(asyncio.create_subprocess_exec("sleep", "1000")) for _ in range(200)]
    await_(asyncio.sleep(0.2))
    during = threads()
    for p in ps:
        p.kill()
    for p in ps:
        await_(p.wait())
    print(during - before < 50 or (before, during))
asyncio.run(asyncio.coroutine(main)())
`
	out, err := runScript(t, interp.Options{AllowRun: []string{"sleep"}, Predeclared: starlark.StringDict{"threads": threads}}, src)
	if err != nil || out != "True\n" {
		t.Errorf("got %q, %v; want True (threads before and while 200 children run)", out, err)
	}
}
