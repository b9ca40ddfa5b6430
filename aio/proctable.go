package aio

import (
	"sync"
	"syscall"
)

// DefaultMaxProcesses is the bound on the live child processes of an Env
// when Config.MaxProcesses is 0: well under the process limits of a
// normal machine (ulimit -u, the kernel's pid_max), so that a script
// starting children in a loop gets an OSError, not a machine that can no
// longer fork.
const DefaultMaxProcesses = 256

// procTable is what an Env knows of its child processes: how many are
// live (started and not yet reaped), for the bound, and the process
// groups they started, for Shutdown. A group outlives its leader: a shell
// that ran "sleep 1000 &" and exited leaves sleep in it, so a group is
// forgotten only once it is empty.
type procTable struct {
	mu     sync.Mutex
	max    int // <0: no bound
	live   int
	groups map[int]struct{}
	closed bool
}

// reserve takes a slot for one more child, or fails as fork does when a
// process limit is reached: EAGAIN, "Resource temporarily unavailable".
func (t *procTable) reserve() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.max >= 0 && t.live >= t.max {
		return &OSError{Errno: syscall.EAGAIN, Msg: strerror(syscall.EAGAIN), Err: syscall.EAGAIN}
	}
	t.live++
	return nil
}

// release gives back the slot of a child that was reaped or not started.
func (t *procTable) release() {
	t.mu.Lock()
	t.live--
	t.mu.Unlock()
}

// addGroup records the process group pgid; once the table is shut down,
// it kills the group at once and reports false.
func (t *procTable) addGroup(pgid int) bool {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		killGroup(pgid)
		return false
	}
	if t.groups == nil {
		t.groups = make(map[int]struct{})
	}
	t.groups[pgid] = struct{}{}
	t.mu.Unlock()
	return true
}

// reaped notes that the leader of group pgid was reaped: the group is
// forgotten if nothing is left in it.
func (t *procTable) reaped(pgid int) {
	if groupAlive(pgid) {
		return
	}
	t.mu.Lock()
	delete(t.groups, pgid)
	t.mu.Unlock()
}

// shutdown kills every group recorded whose leader has exited (a group
// with a live leader is killed with its Process), and every group
// recorded later.
func (t *procTable) shutdown() {
	t.mu.Lock()
	t.closed = true
	groups := t.groups
	t.groups = nil
	t.mu.Unlock()
	for g := range groups {
		// A group whose leader is a live child of the process is that
		// child's: this Env's were killed with their Process, and one of
		// another Env's may have been given the pid of a group that
		// emptied here since.
		if !isChild(g) {
			killGroup(g)
		}
	}
}
