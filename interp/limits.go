package interp

import (
	"fmt"
	"math"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// The memory limit (Options.MaxMemory). go.starlark.net has no allocation
// hook, so a goroutine samples the Go heap and, past the bound, stops the
// code the interpreter runs then (the runs in flight), as the step limit
// does. The sampling costs nothing on
// the interpreter's own path; its period follows how far the heap is from
// the bound, as if the script allocated a gigabyte a second, or twice as
// fast as the heap grew since the last sample if that is faster: every
// 50 ms far from it, every millisecond near it.

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

// The sampler: one goroutine for all the interpreters of the process with
// a memory limit (the heap is the process's), started with the first and
// stopped with the last. Past an interpreter's bound, the runs it has in
// flight are aborted (see run); the interpreter stays usable, and the next
// run works once the heap is back under the bound.
var sampler struct {
	mu   sync.Mutex
	its  map[*Interp]struct{}
	stop chan struct{}
	done chan struct{}
}

func (it *Interp) startMemoryLimit() {
	sampler.mu.Lock()
	defer sampler.mu.Unlock()
	if sampler.its == nil {
		sampler.its = make(map[*Interp]struct{})
	}
	sampler.its[it] = struct{}{}
	if sampler.stop == nil {
		sampler.stop, sampler.done = make(chan struct{}), make(chan struct{})
		gc := make(chan struct{}, 1)
		afterGC(gc, sampler.stop)
		go sample(sampler.stop, sampler.done, gc)
	}
}

func (it *Interp) stopMemoryLimit() {
	sampler.mu.Lock()
	if _, ok := sampler.its[it]; !ok {
		sampler.mu.Unlock()
		return
	}
	delete(sampler.its, it)
	var stop, done chan struct{}
	if len(sampler.its) == 0 {
		stop, done = sampler.stop, sampler.done
		sampler.stop, sampler.done = nil, nil
	}
	sampler.mu.Unlock()
	if stop != nil {
		close(stop)
		<-done
	}
}

// gcSentinel is an object only afterGC points to; it holds a pointer so
// that it is not batched with others by the tiny allocator (whose objects'
// cleanups may never run).
type gcSentinel struct{ _ *byte }

// afterGC sends on gc (without blocking) after each garbage collection,
// until stop is closed: a sentinel nothing refers to is collected by the
// next cycle, and its cleanup arms the next one.
func afterGC(gc chan<- struct{}, stop <-chan struct{}) {
	runtime.AddCleanup(&gcSentinel{}, func(struct{}) {
		select {
		case <-stop:
			return
		default:
		}
		select {
		case gc <- struct{}{}:
		default:
		}
		afterGC(gc, stop)
	}, struct{}{})
}

// sample is the sampler's goroutine; gc wakes it after a collection.
func sample(stop, done chan struct{}, gc <-chan struct{}) {
	defer close(done)
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	t := time.NewTimer(memorySampleMin)
	defer t.Stop()
	var over []*Interp
	var lastHeap uint64
	last := time.Now()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		case <-gc:
			t.Stop() // Reset below restarts it (no stale tick since Go 1.23)
		}
		metrics.Read(s)
		heap := s[0].Value.Uint64()
		now := time.Now()
		rate := float64(memoryRate) // the heap's growth since the last sample, if faster
		if elapsed := now.Sub(last).Seconds(); heap > lastHeap && elapsed > 0 {
			rate = max(rate, 2*float64(heap-lastHeap)/elapsed)
		}
		lastHeap, last = heap, now
		least := uint64(math.MaxUint64)
		over = over[:0]
		sampler.mu.Lock()
		for it := range sampler.its {
			limit := uint64(it.opts.MaxMemory)
			if heap > limit {
				over = append(over, it)
			} else {
				least = min(least, limit-heap)
			}
		}
		sampler.mu.Unlock()
		for _, it := range over {
			it.overMemory(heap)
		}
		next := memorySampleMax
		if least != math.MaxUint64 {
			next = time.Duration(float64(least) / rate * float64(time.Second))
		}
		if len(over) > 0 {
			next = memorySampleMin
		}
		t.Reset(min(max(next, memorySampleMin), memorySampleMax))
	}
}

// overMemory aborts the runs in flight of an interpreter whose bound the
// heap passed.
func (it *Interp) overMemory(heap uint64) {
	cause := &memoryLimitError{limit: uint64(it.opts.MaxMemory), heap: heap}
	for _, r := range it.host.inFlight() {
		r.abort(cause)
	}
}
