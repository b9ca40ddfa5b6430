package interp_test

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
)

func runBench(b *testing.B, src string) {
	b.Helper()
	runBenchWith(b, interp.Options{VirtualTime: true}, src)
}

func runBenchWith(b *testing.B, opts interp.Options, src string) {
	b.Helper()
	opts.Stdout, opts.Stderr = io.Discard, io.Discard
	it := interp.New(opts)
	defer it.Close()
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := it.ExecFile(context.Background(), "bench.star", src); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkTaskSwitch measures one await_(asyncio.sleep(0)) of a script task:
// a suspension, a trip through the ready queue and a resumption.
func BenchmarkTaskSwitch(b *testing.B) {
	runBench(b, fmt.Sprintf(`
def spin(n):
    for i in range(n):
        await_(asyncio.sleep(0))
spin = asyncio.coroutine(spin)
asyncio.run(spin(%d))
`, b.N))
}

// BenchmarkTaskSwitchTraced is BenchmarkTaskSwitch on a real clock with
// Options.Trace (to io.Discard): the added cost is a step's trace event.
func BenchmarkTaskSwitchTraced(b *testing.B) {
	runBenchWith(b, interp.Options{Trace: io.Discard}, fmt.Sprintf(`
def spin(n):
    for i in range(n):
        await_(asyncio.sleep(0))
spin = asyncio.coroutine(spin)
asyncio.run(spin(%d))
`, b.N))
}

// BenchmarkTaskCreate measures creating, running and finishing a task that
// returns at once.
func BenchmarkTaskCreate(b *testing.B) {
	runBench(b, fmt.Sprintf(`
def nop():
    return 1
nop = asyncio.coroutine(nop)
def main(n):
    for i in range(n):
        asyncio.ensure_future(nop())
    await_(asyncio.sleep(0))
    await_(asyncio.sleep(0))
main = asyncio.coroutine(main)
asyncio.run(main(%d))
`, b.N))
}

// BenchmarkTaskCreateSequential measures a task made, run and awaited before
// the next is made: the goroutine of one is reused by the next.
func BenchmarkTaskCreateSequential(b *testing.B) {
	runBench(b, fmt.Sprintf(`
def nop():
    return 1
nop = asyncio.coroutine(nop)
def main(n):
    for i in range(n):
        await_(asyncio.ensure_future(nop()))
main = asyncio.coroutine(main)
asyncio.run(main(%d))
`, b.N))
}

// BenchmarkGather1000 measures gathering 1,000 tasks that each sleep(0) once.
func BenchmarkGather1000(b *testing.B) {
	runBench(b, fmt.Sprintf(`
def one():
    await_(asyncio.sleep(0))
one = asyncio.coroutine(one)
def main(n):
    for i in range(n):
        await_(asyncio.gather(*[one() for j in range(1000)]))
main = asyncio.coroutine(main)
asyncio.run(main(%d))
`, b.N))
}

// benchCallbacks runs b.N callbacks of a script: schedule(i) is the loop
// body that arranges for cb to run once, wait what lets them all run.
func benchCallbacks(b *testing.B, cbArgs, schedule, wait string) {
	runBench(b, fmt.Sprintf(`
count = [0]
def cb(%s):
    count[0] += 1
def main(n):
    loop = asyncio.get_event_loop()
    for i in range(n):
%s
    %s
    if count[0] != n:
        fail("callbacks ran", count[0], "times, want", n)
main = asyncio.coroutine(main)
asyncio.run(main(%d))
`, cbArgs, schedule, wait, b.N))
}

// BenchmarkDoneCallback measures a script future with a done callback: the
// future's creation, add_done_callback, set_result and the callback's run.
func BenchmarkDoneCallback(b *testing.B) {
	benchCallbacks(b, "f", `        f = loop.create_future()
        f.add_done_callback(cb)
        f.set_result(i)
        if i % 1000 == 0:
            await_(asyncio.sleep(0))`, "await_(asyncio.sleep(0))")
}

// BenchmarkTimer measures a loop.call_later timer: scheduling it in the heap,
// its deadline passing (virtual clock) and its callback's run.
func BenchmarkTimer(b *testing.B) {
	benchCallbacks(b, "", "        loop.call_later((i % 1000) / 1000.0, cb)", "await_(asyncio.sleep(2))")
}

// BenchmarkCallSoon measures one loop.call_soon callback.
func BenchmarkCallSoon(b *testing.B) {
	benchCallbacks(b, "", "        loop.call_soon(cb)", "await_(asyncio.sleep(0))")
}

// BenchmarkSuspendedTaskMemory measures what a task suspended on a future
// costs: 20,000 tasks wait on one future while the Go stack and heap in use
// are read. It reports bytes per task (stack-B/task, heap-B/task).
func BenchmarkSuspendedTaskMemory(b *testing.B) {
	var stack, heap float64
	for i := 0; i < b.N; i++ {
		s, h := suspendedTaskMemory(b, waiterShallow, 20000)
		stack += s
		heap += h
	}
	b.ReportMetric(stack/float64(b.N), "stack-B/task")
	b.ReportMetric(heap/float64(b.N), "heap-B/task")
}

// waiterShallow and waiterDeep are coroutine functions for
// suspendedTaskMemory. A waiterShallow task is suspended right in its body;
// a waiterDeep one did arithmetic and called a builtin first, which takes
// the interpreter deeper than 4 KB of Go stack.
const (
	waiterShallow = `
def waiter(f):
    await_(asyncio.sleep(0))
    await_(f)
`
	waiterDeep = `
def waiter(f):
    n = 0
    for i in range(3):
        n += i
    await_(f)
`
)

// suspendedTaskMemory runs n tasks of the coroutine function waiter, defined
// by src, suspended on one future, and returns the Go stack and heap in use
// per task while they wait.
func suspendedTaskMemory(tb testing.TB, src string, n int) (stack, heap float64) {
	var before, during runtime.MemStats
	probe := starlark.NewBuiltin("probe", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		runtime.GC()
		runtime.ReadMemStats(&during)
		return starlark.None, nil
	})
	it := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard, VirtualTime: true, Predeclared: starlark.StringDict{"probe": probe}})
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := it.ExecFile(context.Background(), "mem.star", src+fmt.Sprintf(`
waiter = asyncio.coroutine(waiter)
def main():
    f = asyncio.get_event_loop().create_future()
    ts = [asyncio.ensure_future(waiter(f)) for _ in range(%d)]
    await_(asyncio.sleep(0.001))
    probe()
    f.set_result(1)
    await_(asyncio.gather(*ts))
asyncio.run(asyncio.coroutine(main)())
`, n))
	it.Close()
	if err != nil {
		tb.Fatal(err)
	}
	return float64(during.StackInuse-before.StackInuse) / float64(n), float64(during.HeapInuse-before.HeapInuse) / float64(n)
}

// BenchmarkCall50 measures Call round trips into one long-lived
// interpreter from 50 goroutines at once, for a function that returns at
// once; it reports calls per second.
func BenchmarkCall50(b *testing.B) {
	it := interp.New(interp.Options{})
	defer it.Close()
	if _, err := it.ExecFile(context.Background(), "c.star", "def echo(x):\n    return x\n"); err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	running := make(chan struct{})
	it.OnLoop(func() { close(running) })
	go func() { done <- it.RunForever(ctx) }()
	<-running
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	per := (b.N + 49) / 50
	for g := 0; g < 50; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				if _, err := it.Call(context.Background(), "echo", i); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(50*per)/time.Since(start).Seconds(), "calls/s")
	cancel()
	<-done
}
