package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCtrlC runs the CLI as a child process (this test binary, re-executed),
// waits until the script says it is spinning, sends SIGINT, and checks that
// the CPU-bound script is interrupted with a traceback and status 130, with
// no Go stack trace.
func TestCtrlC(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"cpu", "print('spinning')\nn = 0\nwhile True:\n    n += 1\n"},
		{"await", "def main():\n    print('spinning')\n    await_(asyncio.sleep(3600))\nasyncio.run(asyncio.coroutine(main)())\n"},
		// The first Ctrl-C lets tasks clean up: finally_ runs, and may await.
		{"cleanup", "def cleanup():\n    await_(asyncio.sleep(0))\n    print('cleaned up')\ncleanup = asyncio.coroutine(cleanup)\ndef body():\n    asyncio.get_running_loop().call_soon(print, 'spinning')\n    await_(asyncio.sleep(3600))\ndef main():\n    try_(body, finally_=lambda: await_(cleanup()))\nasyncio.run(asyncio.coroutine(main)())\n"},
		{"cpu_finally", "def spin():\n    print('spinning')\n    n = 0\n    while True:\n        n += 1\ndef cleanup():\n    print('cleaned up')\ntry_(spin, finally_=cleanup)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			script := filepath.Join(t.TempDir(), "spin.star")
			os.WriteFile(script, []byte(tc.src), 0o644)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cmd, r, stderr := startCLI(t, ctx, script)
			line, _ := r.ReadString('\n')
			if line != "spinning\n" {
				cmd.Process.Kill()
				t.Fatalf("script printed %q", line)
			}
			cmd.Process.Signal(syscall.SIGINT)
			rest, _ := io.ReadAll(r)
			err := cmd.Wait()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
				t.Errorf("exit: %v, want status 130\nstderr:\n%s", err, stderr.String())
			}
			if strings.Contains(stderr.String(), "goroutine ") || !strings.Contains(stderr.String(), "spin.star:") {
				t.Errorf("stderr:\n%s", stderr.String())
			}
			if n := strings.Count(stderr.String(), "Traceback"); n != 1 || strings.Contains(stderr.String(), "shutdown") {
				t.Errorf("want one traceback and no shutdown report; stderr:\n%s", stderr.String())
			}
			if strings.HasSuffix(tc.name, "cleanup") || strings.HasSuffix(tc.name, "finally") {
				if string(rest) != "cleaned up\n" {
					t.Errorf("after Ctrl-C the script printed %q, want its cleanup", rest)
				}
			}
		})
	}
}

// TestDebugDumpOnSignal: with -debug, Ctrl-C and SIGQUIT print the call
// graph of every pending task, as it was before the tasks were cancelled
// (a task spinning when Ctrl-C comes is interrupted first), then exit with
// status 130 or 131.
func TestDebugDumpOnSignal(t *testing.T) {
	src := `def nap():
    await_(asyncio.sleep(3600))
nap = asyncio.coroutine(nap)
def main():
    asyncio.ensure_future(nap())
    await_(asyncio.sleep(0))
    print("spinning") if SPIN else asyncio.get_running_loop().call_soon(print, "spinning")
    n = 0
    while SPIN:
        n += 1
    await_(asyncio.sleep(3600))
asyncio.run(asyncio.coroutine(main)())
`
	for _, tc := range []struct {
		name   string
		spin   string
		sig    syscall.Signal
		status int
		want   []string
	}{
		{"interrupt", "True", syscall.SIGINT, 130, []string{"Pending tasks (interrupted):\n* Task(name='Task-2', id=0x", "in async nap()\n", "KeyboardInterrupt"}},
		{"quit", "False", syscall.SIGQUIT, 131, []string{"Pending tasks (SIGQUIT):\n* Task(name='Task-1', id=0x", "line 11, in async main()\n* Task(name='Task-2'", "asyncrun: quit (SIGQUIT)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			script := filepath.Join(t.TempDir(), "spin.star")
			// A spinning main says so itself; one that awaits says so from a
			// callback, which runs once main is suspended in its await.
			os.WriteFile(script, []byte(strings.ReplaceAll(src, "SPIN", tc.spin)), 0o644)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cmd, r, stderr := startCLI(t, ctx, "-debug", script)
			if line, _ := r.ReadString('\n'); line != "spinning\n" {
				cmd.Process.Kill()
				t.Fatalf("script printed %q", line)
			}
			cmd.Process.Signal(tc.sig)
			io.ReadAll(r)
			err := cmd.Wait()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != tc.status {
				t.Errorf("exit: %v, want status %d\nstderr:\n%s", err, tc.status, stderr.String())
			}
			for _, want := range tc.want {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
				}
			}
			if strings.Contains(stderr.String(), "goroutine ") {
				t.Errorf("stderr shows Go stacks:\n%s", stderr.String())
			}
		})
	}
}
