package interp

import (
	"os"
	"os/signal"
	"sync"
	"time"

	"github.com/asyncrun/asyncrun/internal/builtins"
)

// KillProcesses kills the interpreter's child processes now, each with
// its process group (what it started and left running, even when the
// child itself has exited), and closes its connections, servers and
// files, as Close does first, but without waiting for anything: for a
// host that must exit at once while a run is wedged (the CLI's second
// Ctrl-C). The run, if any, goes on and fails at its next I/O. It may be
// called from any goroutine.
func (it *Interp) KillProcesses() { it.rt.ShutdownIO() }

// ContainDescendants is for a program that runs interpreters and nothing
// else that starts processes, such as the CLI: it makes the process a
// child subreaper (Linux), so that a descendant that leaves its process
// group (setsid, a double fork) and is orphaned becomes its child, not
// init's; such orphans are reaped as they exit. The returned function
// kills every descendant left (each with its process group) and reaps
// them, waiting at most two seconds; call it after the interpreters are
// closed, before the process exits. Where the platform has no subreaper
// (macOS, Windows) it only kills nothing: descendants that left their
// process group are not found there.
func ContainDescendants() (end func()) {
	if builtins.BecomeSubreaper() != nil {
		return func() {}
	}
	sigs := make(chan os.Signal, 1)
	done := make(chan struct{})
	var wg sync.WaitGroup
	signal.Notify(sigs, childSignal)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-sigs:
				builtins.ReapOrphans(false)
			case <-done:
				return
			}
		}
	}()
	return sync.OnceFunc(func() {
		signal.Stop(sigs)
		close(done)
		wg.Wait()
		deadline := time.Now().Add(2 * time.Second)
		for builtins.ReapOrphans(true) > 0 && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond) // SIGKILL is sent; the kernel ends them
		}
	})
}
