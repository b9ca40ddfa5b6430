package interp

import (
	"fmt"
	"runtime/metrics"
	"time"
)

// The memory limit (Options.MaxMemory). go.starlark.net has no allocation
// hook, so a goroutine samples the Go heap and, past the bound, stops the
// interpreter's code as the step limit does. The sampling costs nothing on
// the interpreter's own path; its period follows how far the heap is from
// the bound, as if the script allocated a gigabyte a second (more than
// Starlark code does): every 50 ms far from it, every millisecond near it.

// memoryRate is the allocation rate the sampling period assumes, in bytes
// a second; the period is between memorySampleMin and memorySampleMax.
const (
	memoryRate      = 1 << 30
	memorySampleMin = time.Millisecond
	memorySampleMax = 50 * time.Millisecond
)

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
		t := time.NewTimer(memorySampleMin)
		defer t.Stop()
		for {
			select {
			case <-it.memStop:
				return
			case <-t.C:
			}
			metrics.Read(sample)
			heap := sample[0].Value.Uint64()
			if heap > limit {
				it.rt.Interrupt(&memoryLimitError{limit: limit, heap: heap})
				return
			}
			next := time.Duration(float64(limit-heap) / memoryRate * float64(time.Second))
			t.Reset(min(max(next, memorySampleMin), memorySampleMax))
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
