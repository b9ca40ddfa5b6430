//go:build unix

package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFirstCtrlCNotLost: the first Ctrl-C reaches a script that runs
// asyncio.run in a tight loop, whenever it comes: into a short task's last
// step, or while a loop is finishing. Each of 10 runs must end with status
// 130 by the KeyboardInterrupt itself, not by the stop the CLI makes 2 s
// later if it was lost (base lost it in about half the runs).
func TestFirstCtrlCNotLost(t *testing.T) {
	script := filepath.Join(t.TempDir(), "churn.star")
	os.WriteFile(script, []byte("def noop():\n    return 1\nnoop = asyncio.coroutine(noop)\nprint('ready')\nfor i in range(100000000):\n    asyncio.run(noop())\n    if i % 50 == 0:\n        print(i)\n"), 0o644)
	for i := range 10 {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		cmd, r, stderr := startCLI(t, ctx, script)
		if line, _ := r.ReadString('\n'); line != "ready\n" {
			cmd.Process.Kill()
			t.Fatalf("script printed %q", line)
		}
		for range i * 3 { // land the signal at another point of the loop each time
			r.ReadString('\n')
		}
		cmd.Process.Signal(syscall.SIGINT)
		err := cmd.Wait()
		cancel()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
			t.Fatalf("run %d: exit %v, want status 130; stderr:\n%s", i, err, stderr.String())
		}
		if strings.Contains(stderr.String(), "did not stop within") {
			t.Errorf("run %d: the first Ctrl-C was lost (the run ended by the stop 2 s later); stderr:\n%s", i, stderr.String())
		}
	}
}
