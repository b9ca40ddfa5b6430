package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestCtrlC runs the CLI as a child process (this test binary, re-executed),
// waits until the script says it is spinning, sends SIGINT, and checks that
// the CPU-bound script is interrupted with a traceback and status 130, with
// no Go stack trace.
func TestCtrlC(t *testing.T) {
	if os.Getenv("ASYNCRUN_CLI_CHILD") == "1" {
		os.Exit(run(os.Args[len(os.Args)-1:], os.Stdin, os.Stdout, os.Stderr))
	}
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
			cmd := exec.Command(os.Args[0], "-test.run=^TestCtrlC$", script)
			cmd.Env = append(os.Environ(), "ASYNCRUN_CLI_CHILD=1")
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			r := bufio.NewReader(out)
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
