package aio

import "sync"

// The direct children of the process that this package started, so that
// the orphan reaper (see ReapOrphans) leaves them to the goroutines that
// wait for them. A start holds startMu for reading from the fork until
// the child is in children; the reaper holds it for writing.
var (
	startMu  sync.RWMutex
	childMu  sync.Mutex
	children = map[int]struct{}{}
)

func addChild(pid int) {
	childMu.Lock()
	children[pid] = struct{}{}
	childMu.Unlock()
}

func removeChild(pid int) {
	childMu.Lock()
	delete(children, pid)
	childMu.Unlock()
}

func isChild(pid int) bool {
	childMu.Lock()
	defer childMu.Unlock()
	_, ok := children[pid]
	return ok
}
