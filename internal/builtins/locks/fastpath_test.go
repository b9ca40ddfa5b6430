package locks

import (
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/internal/builtins"
)

// allocsPerRound runs src, whose main loop does N rounds, with N = n and
// N = 2n, and returns the heap allocations of one round (the difference,
// so that what is paid once cancels out).
func allocsPerRound(t *testing.T, src string, n int) float64 {
	t.Helper()
	m1, _ := heapOfRun(t, "x.star", src, n)
	m2, _ := heapOfRun(t, "x.star", src, 2*n)
	return float64(int64(m2)-int64(m1)) / float64(n)
}

// heapOfRun runs src as the file name with N = n first, in a runtime with
// the locks part, and returns the heap allocations and bytes of the run.
func heapOfRun(t *testing.T, name, src string, n int) (mallocs, bytes uint64) {
	t.Helper()
	var out strings.Builder
	rt := builtins.NewRuntime(builtins.Config{Parts: []builtins.Part{Part}, Stdout: &out, Stderr: &out})
	defer rt.Close()
	src = "N = " + strconv.Itoa(n) + "\n" + src
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := execFile(rt, name, src)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc
}

// TestFastPathAllocs: awaiting a primitive's method that need not wait
// allocates its coroutine and nothing else (no bound method, no closure):
// with the argument tuples the interpreter makes for the calls, two
// objects a round for one await, five for a put and a get (an item put
// keeps the call's own argument tuple); async with makes no coroutine at
// all (its five are with_'s own). Before the fast paths the rounds made 12
// (put+get), 6 (Lock, Semaphore), 5 (Event) and 8 (async with).
func TestFastPathAllocs(t *testing.T) {
	for _, c := range []struct {
		name string
		max  float64
		src  string
	}{
		{"Queue.put+get", 5, queuePutGet},
		{"Lock.acquire+release", 2, lockAcquireRelease},
		{"Semaphore.acquire+release", 2, `
def main():
    s = asyncio.BoundedSemaphore(3)
    for _ in range(N):
        await_(s.acquire())
        s.release()
asyncio.run(asyncio.coroutine(main)())
`},
		{"Event.wait set", 2, eventWaitSet},
		{"async with Condition", 5, `
def main():
    c = asyncio.Condition()
    f = lambda: None
    for _ in range(N):
        with_(c, f)
asyncio.run(asyncio.coroutine(main)())
`},
	} {
		t.Run(c.name, func(t *testing.T) {
			// The smallest of three tries: a GC cycle or the runtime's
			// own goroutines may add a little to one of them.
			best := 1e9
			for range 3 {
				best = min(best, allocsPerRound(t, c.src, 20000))
			}
			if best > c.max+0.1 {
				t.Errorf("%.2f allocations a round, want at most %v", best, c.max)
			}
		})
	}
}
