package interp

import (
	"fmt"
	"runtime/metrics"
	"time"
)

// The memory limit (Options.MaxMemory). go.starlark.net has no allocation
// hook, so a goroutine samples the Go heap every millisecond and, past the
// bound, stops the interpreter's code as the step limit does. Reading the
// heap costs about a microsecond, and nothing on the interpreter's own
// path.

// memorySample is how often the heap is read.
const memorySample = time.Millisecond

// memoryLimitError is the cause of a run stopped by the memory limit.
type memoryLimitError struct{ limit, heap uint64 }

func (e *memoryLimitError) Error() string {
	return fmt.Sprintf("MemoryError: the interpreter's memory limit (%d MB) is exceeded: the heap holds %d MB", e.limit>>20, e.heap>>20)
}

// Is makes errors.Is(err, ErrMemoryLimit) hold.
func (e *memoryLimitError) Is(target error) bool { return target == ErrMemoryLimit }

func (it *Interp) startMemoryLimit() {
	it.memStop, it.memDone = make(chan struct{}), make(chan struct{})
	limit := uint64(it.opts.MaxMemory)
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(it.memDone)
		t := time.NewTicker(memorySample)
		defer t.Stop()
		for {
			select {
			case <-it.memStop:
				return
			case <-t.C:
			}
			metrics.Read(sample)
			if heap := sample[0].Value.Uint64(); heap > limit {
				it.rt.Interrupt(&memoryLimitError{limit: limit, heap: heap})
				return
			}
		}
	}()
}

func (it *Interp) stopMemoryLimit() {
	if it.memStop != nil {
		close(it.memStop)
		<-it.memDone
		it.memStop = nil
	}
}
