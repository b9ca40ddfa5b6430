//go:build unix

package aio

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/loop"
	"go.uber.org/goleak"
)

// need skips t unless the programs are on the PATH.
func need(t *testing.T, progs ...string) {
	t.Helper()
	for _, p := range progs {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s is not on the PATH: skipping", p)
		}
	}
}

func TestCommunicate(t *testing.T) {
	need(t, "sh", "cat")
	defer goleak.VerifyNone(t)
	env := NewEnv(Config{Perm: all})
	defer closeEnv(t, env)
	l := loop.New(loop.Options{Clock: loop.NewClock(true)})
	defer l.Close()
	input := bytes.Repeat([]byte("0123456789abcdef"), 64<<10) // 1 MiB: more than the pipes hold
	got, err := runTask(t, l, func(task *loop.Task) (any, error) {
		p, err := env.Start(task, ProcessConfig{Op: "create_subprocess_exec", Args: []string{"sh", "-c", "cat; echo done >&2; exit 3"},
			Stdin: Pipe, Stdout: Pipe, Stderr: Pipe, Limit: DefaultLimit})
		if err != nil {
			return nil, err
		}
		out, errb, err := p.Communicate(task, input)
		code, _ := p.Returncode()
		return fmt.Sprintf("%v %q %d", bytes.Equal(out, input), errb, code), err
	})
	if err != nil || got != `true "done\n" 3` {
		t.Errorf("got %v, %v", got, err)
	}
}

// TestKillOnCancel: cancelling wait() leaves the process running (as in
// CPython); the script kills it, and wait() then returns -SIGKILL.
func TestKillOnCancel(t *testing.T) {
	need(t, "sleep")
	defer goleak.VerifyNone(t)
	env := NewEnv(Config{Perm: all})
	defer closeEnv(t, env)
	l := loop.New(loop.Options{Clock: loop.NewClock(true)})
	defer l.Close()
	got, err := runTask(t, l, func(task *loop.Task) (any, error) {
		p, err := env.Start(task, ProcessConfig{Args: []string{"sleep", "30"}, Stdout: DevNull, Limit: DefaultLimit})
		if err != nil {
			return nil, err
		}
		_, err = loop.WaitFor(task, waitTask(l, p), 0.05)
		_, running := p.Returncode()
		log := fmt.Sprintf("%v, exited: %v", err, running)
		p.Kill()
		code, err := p.Wait(task)
		return fmt.Sprintf("%s; returncode %d; kill again: %v", log, code, p.Kill()), err
	})
	want := "TimeoutError, exited: false; returncode -9; kill again: ProcessLookupError: "
	if err != nil || got != want {
		t.Errorf("got %v, %v, want %s", got, err, want)
	}
}

func waitTask(l *loop.Loop, p *Process) *loop.Future {
	w, _ := loop.NewTask(l, "wait", func(task *loop.Task) (any, error) { return p.Wait(task) })
	return &w.Future
}

// TestInheritedOutput: output of a child given stdout=None goes to the
// Env's writer, all of it before wait returns.
func TestInheritedOutput(t *testing.T) {
	need(t, "sh")
	defer goleak.VerifyNone(t)
	var out bytes.Buffer
	w := &LockedWriter{W: &out}
	env := NewEnv(Config{Perm: all, Stdout: w, Stderr: w})
	defer closeEnv(t, env)
	l := loop.New(loop.Options{})
	defer l.Close()
	got, err := runTask(t, l, func(task *loop.Task) (any, error) {
		p, err := env.Start(task, ProcessConfig{Args: []string{"echo out; echo err >&2; exit 1"}, Shell: true, Limit: DefaultLimit})
		if err != nil {
			return nil, err
		}
		return p.Wait(task)
	})
	if err != nil || got != 1 || out.String() != "out\nerr\n" {
		t.Errorf("got %v, %v, output %q", got, err, out.String())
	}
}

// TestShutdownKills: Env.Close kills and reaps a child (and what it
// started) left running.
func TestShutdownKills(t *testing.T) {
	need(t, "sh", "sleep")
	defer goleak.VerifyNone(t)
	env := NewEnv(Config{Perm: all})
	l := loop.New(loop.Options{})
	defer l.Close()
	v, err := runTask(t, l, func(task *loop.Task) (any, error) {
		return env.Start(task, ProcessConfig{Args: []string{"sleep 30 & sleep 30; echo never"}, Shell: true, Stdout: Pipe, Limit: DefaultLimit})
	})
	if err != nil {
		t.Fatal(err)
	}
	p := v.(*Process)
	closeEnv(t, env)
	// A killed grandchild is reaped by init, a little later.
	var err2 error
	for range 100 {
		if err2 = syscall.Kill(-p.Pid, 0); errors.Is(err2, syscall.ESRCH) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Errorf("the process group is still there 2 s after Close: kill -0 gave %v", err2)
}

func TestStartErrors(t *testing.T) {
	env := NewEnv(Config{Perm: Permissions{Run: []string{"cat"}}})
	defer closeEnv(t, env)
	l := loop.New(loop.Options{})
	defer l.Close()
	for _, tc := range []struct {
		cfg  ProcessConfig
		want string
	}{
		{ProcessConfig{Op: "create_subprocess_shell('ls')", Args: []string{"ls"}, Shell: true, Limit: 1}, "create_subprocess_shell('ls'): running sh (the shell) is not granted; add sh to -allow-run"},
		{ProcessConfig{Op: "x", Args: []string{"./no/such/program"}, Limit: 1}, "running ./no/such/program is not granted"},
	} {
		_, err := runTask(t, l, func(task *loop.Task) (any, error) { return env.Start(task, tc.cfg) })
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want %s", err, tc.want)
		}
	}
	env2 := NewEnv(Config{Perm: all})
	defer closeEnv(t, env2)
	_, err := runTask(t, l, func(task *loop.Task) (any, error) {
		return env2.Start(task, ProcessConfig{Args: []string{"no-such-program-here"}, Limit: 1})
	})
	if err == nil || err.Error() != "[Errno 2] No such file or directory: 'no-such-program-here'" {
		t.Errorf("got %v", err)
	}
}
