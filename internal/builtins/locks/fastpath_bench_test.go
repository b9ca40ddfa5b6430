package locks

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/asyncrun/asyncrun/internal/builtins"
)

// benchScript runs src in a task, with b.N in the global N, and fails the
// benchmark if it fails. Besides wall time it reports cpu-ns/op, the
// process's CPU time (the garbage collector's included) per round, which
// a shared machine disturbs less. The loop in src should do b.N rounds of what is
// measured; the rest (the runtime, the task) is paid once.
func benchScript(b *testing.B, src string) {
	b.Helper()
	var out bytes.Buffer
	rt := builtins.NewRuntime(builtins.Config{Parts: []builtins.Part{Part}, Stdout: &out, Stderr: &out})
	defer rt.Close()
	src = "N = " + strconv.Itoa(b.N) + "\n" + src
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	err := execFile(rt, "bench.star", src)
	b.StopTimer()
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
	if err != nil {
		b.Fatalf("%v\n%s", err, out.String())
	}
}

// The scripts of the fast paths that both the benchmarks and
// TestFastPathAllocs run: N rounds of one kind of await.
const (
	queuePutGet = `
def main():
    q = asyncio.Queue()
    for i in range(N):
        await_(q.put(i))
        await_(q.get())
asyncio.run(asyncio.coroutine(main)())
`
	lockAcquireRelease = `
def main():
    lk = asyncio.Lock()
    for _ in range(N):
        await_(lk.acquire())
        lk.release()
asyncio.run(asyncio.coroutine(main)())
`
	eventWaitSet = `
def main():
    e = asyncio.Event()
    e.set()
    for _ in range(N):
        await_(e.wait())
asyncio.run(asyncio.coroutine(main)())
`
)

// The fast paths: awaiting a primitive's method that need not wait. Each
// round is one await (two for put+get), with the loop's own cost (a range
// step) included; BenchmarkLoopOnly is that cost alone.

func BenchmarkLoopOnly(b *testing.B) {
	benchScript(b, `
def main():
    for _ in range(N):
        pass
asyncio.run(asyncio.coroutine(main)())
`)
}

func BenchmarkQueuePutGet(b *testing.B) {
	benchScript(b, queuePutGet)
}

func BenchmarkPriorityQueuePutGet(b *testing.B) {
	benchScript(b, `
def main():
    q = asyncio.PriorityQueue()
    for i in range(N):
        await_(q.put(i))
        await_(q.get())
asyncio.run(asyncio.coroutine(main)())
`)
}

func BenchmarkLifoQueuePutGet(b *testing.B) {
	benchScript(b, `
def main():
    q = asyncio.LifoQueue()
    for i in range(N):
        await_(q.put(i))
        await_(q.get())
asyncio.run(asyncio.coroutine(main)())
`)
}

func BenchmarkQueueJoinDone(b *testing.B) {
	benchScript(b, `
def main():
    q = asyncio.Queue()
    for i in range(N):
        await_(q.join())
asyncio.run(asyncio.coroutine(main)())
`)
}

func BenchmarkLockAcquireRelease(b *testing.B) {
	benchScript(b, lockAcquireRelease)
}

func BenchmarkLockAsyncWith(b *testing.B) {
	benchScript(b, `
def main():
    lk = asyncio.Lock()
    for _ in range(N):
        with_(lk, lambda: None)
asyncio.run(asyncio.coroutine(main)())
`)
}

func BenchmarkSemaphoreAcquireRelease(b *testing.B) {
	benchScript(b, `
def main():
    s = asyncio.Semaphore(2)
    for _ in range(N):
        await_(s.acquire())
        s.release()
asyncio.run(asyncio.coroutine(main)())
`)
}

func BenchmarkBoundedSemaphoreAcquireRelease(b *testing.B) {
	benchScript(b, `
def main():
    s = asyncio.BoundedSemaphore(2)
    for _ in range(N):
        await_(s.acquire())
        s.release()
asyncio.run(asyncio.coroutine(main)())
`)
}

func BenchmarkEventWaitSet(b *testing.B) {
	benchScript(b, eventWaitSet)
}

func BenchmarkConditionAcquireRelease(b *testing.B) {
	benchScript(b, `
def main():
    c = asyncio.Condition()
    for _ in range(N):
        await_(c.acquire())
        c.release()
asyncio.run(asyncio.coroutine(main)())
`)
}

func BenchmarkConditionWaitForTrue(b *testing.B) {
	benchScript(b, `
def main():
    c = asyncio.Condition()
    t = lambda: True
    await_(c.acquire())
    for _ in range(N):
        await_(c.wait_for(t))
    c.release()
asyncio.run(asyncio.coroutine(main)())
`)
}

// BenchmarkW6Shape is W6 at N items: 4 producers, 4 consumers, one
// Queue(maxsize=100), the consumers' arithmetic included; one round is one
// item through the queue.
func BenchmarkW6Shape(b *testing.B) {
	benchScript(b, `
def producer(q, first):
    for i in range(first, N, 4):
        await_(q.put(i))
producer = asyncio.coroutine(producer)

def consumer(q):
    n = 0
    total = 0
    check = 0
    while True:
        item = await_(q.get())
        if item == None:
            return n
        n += 1
        total += item
        check = (check + item * item) % 1000000007
consumer = asyncio.coroutine(consumer)

def main():
    q = asyncio.Queue(maxsize=100)
    consumers = [asyncio.create_task(consumer(q)) for _ in range(4)]
    await_(asyncio.gather(*[producer(q, p) for p in range(4)]))
    for _ in range(4):
        await_(q.put(None))
    n = 0
    for c in await_(asyncio.gather(*consumers)):
        n += c
    if n != N:
        fail("got %d items" % n)
asyncio.run(asyncio.coroutine(main)())
`)
}

// BenchmarkW7Shape is W7 with 100 tasks: one round is one acquire,
// sleep(0) and release of a contended lock.
func BenchmarkW7Shape(b *testing.B) {
	benchScript(b, `
def worker(lock, counter, rounds):
    for _ in range(rounds):
        await_(lock.acquire())
        v = counter[0]
        await_(asyncio.sleep(0))
        counter[0] = v + 1
        lock.release()
worker = asyncio.coroutine(worker)

def main():
    lock = asyncio.Lock()
    counter = [0]
    tasks = 100
    rounds = N // tasks + 1
    await_(asyncio.gather(*[worker(lock, counter, rounds) for _ in range(tasks)]))
asyncio.run(asyncio.coroutine(main)())
`)
}

// BenchmarkTaskHeap is W4's task: one round makes a task that suspends on
// a future, then completes it; B/op is the heap a task costs (its stack
// not counted). TestTaskHeap pins it.
func BenchmarkTaskHeap(b *testing.B) {
	benchScript(b, taskHeapScript)
}
