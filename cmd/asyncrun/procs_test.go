//go:build unix

package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNothingLeftBehind runs the CLI as a process of its own (this test
// binary, re-executed) with a script that starts a shell leaving two
// processes behind it: "sleep 1000 &" in the shell's process group, and
// a setsid'd sleep that left the group. The script prints their pids,
// then the run ends in each way a run can end; once the CLI has exited,
// neither pid may run, and the exit status is the one of that way.
func TestNothingLeftBehind(t *testing.T) {
	for _, tool := range []string{"sh", "sleep", "setsid"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s on the PATH", tool)
		}
	}
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc to look for the processes left")
	}
	const start = `
def start():
    p = await_(asyncio.create_subprocess_shell("sleep 1000 >/dev/null 2>&1 & echo $!; setsid sleep 1001 >/dev/null 2>&1 & echo $!", stdout=asyncio.subprocess.PIPE))
    a = await_(p.stdout.readline())
    b = await_(p.stdout.readline())
    await_(p.wait())
    print("pids", a, b)
start = asyncio.coroutine(start)
`
	forever := "def main():\n    await_(start())\n    await_(asyncio.sleep(3600))\n"
	for _, tc := range []struct {
		name   string
		flags  []string
		main   string
		signal []syscall.Signal // sent one by one after the pids, each after a line
		status int
		stderr string // a regexp stderr matches
	}{
		{"normal", nil, "def main():\n    await_(start())\n", nil, 0, `^$`},
		{"exception", nil, "def main():\n    await_(start())\n    1 // 0\n", nil, 1, `ZeroDivisionError`},
		{"timeout", []string{"-timeout", "1s"}, forever, nil, 124, `timeout after 1s`},
		{"ctrl_c", nil, forever, []syscall.Signal{syscall.SIGINT}, 130, `KeyboardInterrupt|CancelledError`},
		// It says when its try_ is entered: a Ctrl-C that came before
		// (right after the pids) would end it before its finally_ is set.
		{"ctrl_c_twice", nil, "def main():\n    await_(start())\n    try_(lambda: [print('ready'), await_(asyncio.sleep(3600))], finally_=lambda: [print('cleaning'), await_(asyncio.sleep(3600))])\n",
			[]syscall.Signal{syscall.SIGINT, syscall.SIGINT}, 130, `second signal \(interrupt\)`},
		{"sigterm", nil, forever, []syscall.Signal{syscall.SIGTERM}, 143, `KeyboardInterrupt|CancelledError`},
		{"sighup", nil, forever, []syscall.Signal{syscall.SIGHUP}, 129, `KeyboardInterrupt|CancelledError`},
		{"step_limit", []string{"-max-steps", "1000000"}, "def main():\n    await_(start())\n    n = 0\n    for i in range(100000000):\n        n += i\n", nil, 1, `too many steps`},
		// A run wedged in a write to a stdout nobody reads is abandoned
		// after the grace period, with the status of what stopped it.
		{"timeout_wedged", []string{"-timeout", "1s"}, "def main():\n    await_(start())\n    for i in range(100000000):\n        print('x' * 100000)\n", nil, 124, `did not end within 1s of its timeout`},
		{"ctrl_c_wedged", nil, "def main():\n    await_(start())\n    for i in range(100000000):\n        print('x' * 100000)\n", []syscall.Signal{syscall.SIGINT}, 130, `did not end within 3s of interrupt`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			script := filepath.Join(t.TempDir(), "leave.star")
			os.WriteFile(script, []byte(start+tc.main+"asyncio.run(asyncio.coroutine(main)())\n"), 0o644)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			args := append([]string{"-allow-run=sh"}, tc.flags...)
			cmd, r, stderr := startCLI(t, ctx, append(args, script)...)
			line, _ := r.ReadString('\n')
			var pids []int
			for _, m := range regexp.MustCompile(`b'(\d+)\\n'`).FindAllStringSubmatch(line, -1) {
				n, _ := strconv.Atoi(m[1])
				pids = append(pids, n)
			}
			defer func() {
				for _, pid := range pids {
					syscall.Kill(pid, syscall.SIGKILL)
				}
			}()
			if len(pids) != 2 {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("script printed %q, want the two pids; stderr:\n%s", line, stderr.String())
			}
			wedged := strings.HasSuffix(tc.name, "_wedged")
			if wedged { // the script's first print has begun: it blocks once the pipe is full
				r.ReadByte()
			}
			if len(tc.signal) > 1 {
				if l, _ := r.ReadString('\n'); l != "ready\n" {
					t.Errorf("before the first signal the script printed %q", l)
				}
			}
			for i, sig := range tc.signal {
				if i > 0 {
					if l, _ := r.ReadString('\n'); l != "cleaning\n" {
						t.Errorf("after the first signal the script printed %q", l)
					}
				}
				cmd.Process.Signal(sig)
			}
			if !wedged {
				io.Copy(io.Discard, r)
			}
			err := cmd.Wait()
			status := 0
			if ee, ok := err.(*exec.ExitError); ok {
				status = ee.ExitCode()
			} else if err != nil {
				t.Fatalf("wait: %v", err)
			}
			if ctx.Err() != nil {
				t.Fatalf("the CLI did not exit within the test's deadline; stderr:\n%s", stderr.String())
			}
			if !regexp.MustCompile(tc.stderr).MatchString(stderr.String()) {
				t.Errorf("stderr does not match %s:\n%s", tc.stderr, stderr.String())
			}
			if status != tc.status {
				t.Errorf("exit status %d, want %d; stderr:\n%s", status, tc.status, stderr.String())
			}
			for _, pid := range pids {
				if processRuns(pid) {
					t.Errorf("pid %d (of %q) still runs after the CLI exited", pid, line)
				}
			}
		})
	}
}

// processRuns reports whether pid runs (not a zombie), waiting up to a
// second for one that was just killed to end.
func processRuns(pid int) bool {
	deadline := time.Now().Add(time.Second)
	for {
		b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil {
			return false
		}
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 || len(s) < i+3 || s[i+2] == 'Z' || s[i+2] == 'X' {
			return false
		}
		if time.Now().After(deadline) {
			return true
		}
		time.Sleep(10 * time.Millisecond) // polling the process table: no event to wait on
	}
}

// TestREPLNothingLeftBehind: SIGTERM and SIGHUP (a closed terminal) end a
// REPL session as they end a script: the processes its statements left
// behind (in the shell's group, and a setsid'd one) are killed, and the
// exit status says which signal it was.
func TestREPLNothingLeftBehind(t *testing.T) {
	for _, tool := range []string{"sh", "sleep", "setsid"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s on the PATH", tool)
		}
	}
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc to look for the processes left")
	}
	for _, tc := range []struct {
		name   string
		sig    syscall.Signal
		status int
	}{
		{"sigterm", syscall.SIGTERM, 143},
		{"sighup", syscall.SIGHUP, 129},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cmd := cliCommand(ctx, "-allow-run=sh", "-i")
			var stderr strings.Builder
			cmd.Stderr = &stderr
			stdin, _ := cmd.StdinPipe()
			out, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			io.WriteString(stdin, `p = await asyncio.create_subprocess_shell("sleep 1000 >/dev/null 2>&1 & echo $!; setsid sleep 1001 >/dev/null 2>&1 & echo $!", stdout=asyncio.subprocess.PIPE)`+"\n")
			io.WriteString(stdin, `print("pids", await p.stdout.readline(), await p.stdout.readline(), await p.wait())`+"\n")
			r := bufio.NewReader(out)
			var pids []int
			var seen strings.Builder
			for len(pids) == 0 {
				line, err := r.ReadString('\n')
				seen.WriteString(line)
				if err != nil {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("the REPL printed %q, no pids; stderr:\n%s", seen.String(), stderr.String())
				}
				for _, m := range regexp.MustCompile(`b'(\d+)\\n'`).FindAllStringSubmatch(line, -1) {
					n, _ := strconv.Atoi(m[1])
					pids = append(pids, n)
				}
			}
			defer func() {
				for _, pid := range pids {
					syscall.Kill(pid, syscall.SIGKILL)
				}
			}()
			cmd.Process.Signal(tc.sig)
			go io.Copy(io.Discard, r)
			err := cmd.Wait()
			status := 0
			if ee, ok := err.(*exec.ExitError); ok {
				status = ee.ExitCode()
			}
			if ctx.Err() != nil {
				t.Fatalf("the REPL did not exit within the test's deadline; stderr:\n%s", stderr.String())
			}
			if status != tc.status {
				t.Errorf("exit status %d, want %d; stderr:\n%s", status, tc.status, stderr.String())
			}
			for _, pid := range pids {
				if processRuns(pid) {
					t.Errorf("pid %d still runs after the REPL exited", pid)
				}
			}
		})
	}
}
