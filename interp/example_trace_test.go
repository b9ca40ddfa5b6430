package interp_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/asyncrun/asyncrun/interp"
)

// Options.Trace records a timeline in the Chrome Trace Event Format, for
// Perfetto or chrome://tracing: here, each task's track and the steps on
// it, under virtual time (timestamps are the loop clock's microseconds).
func Example_trace() {
	var trace bytes.Buffer
	it := interp.New(interp.Options{Stdout: os.Stdout, VirtualTime: true, Trace: &trace})
	_, err := it.ExecFile(context.Background(), "trace.star", `
def worker(n):
    await_(asyncio.sleep(n))
    return n * 10
worker = asyncio.coroutine(worker)

def main():
    print(await_(asyncio.gather(worker(1), worker(2))))
asyncio.get_event_loop().run_until_complete(asyncio.coroutine(main)())
`)
	if err := it.Close(); err != nil { // Close writes the end of the trace
		fmt.Println(err)
	}
	var t struct {
		TraceEvents []struct {
			Name, Ph string
			Ts       float64
			Tid      int
			Args     map[string]any
		}
	}
	json.Unmarshal(trace.Bytes(), &t)
	for _, ev := range t.TraceEvents {
		switch ev.Ph {
		case "M":
			if ev.Name == "thread_name" {
				fmt.Printf("track %d is %s\n", ev.Tid, ev.Args["name"])
			}
		case "X":
			fmt.Printf("%7.0f µs  track %d: step %s, then awaits %v\n", ev.Ts, ev.Tid, ev.Name, ev.Args["awaits"])
		}
	}
	fmt.Println(err)
	// Output:
	// [10, 20]
	//       0 µs  track 1: step main, then awaits gather()
	//       0 µs  track 2: step worker, then awaits sleep()
	//       0 µs  track 3: step worker, then awaits sleep()
	// 1000000 µs  track 2: step worker:3, then awaits <nil>
	// track 2 is Task-2
	// 2000000 µs  track 3: step worker:3, then awaits <nil>
	// track 3 is Task-3
	// 2000000 µs  track 1: step main:8, then awaits <nil>
	// track 1 is Task-1
	// <nil>
}

// DumpTasks writes the call graph of every pending task, as
// asyncio.print_call_graph prints it: here, after a script that left
// tasks waiting (Close reports them on Stderr, here discarded).
func ExampleInterp_DumpTasks() {
	it := interp.New(interp.Options{Stdout: os.Stdout, Stderr: io.Discard, VirtualTime: true})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), "pending.star", `
def wait_for_signal(ev):
    await_(ev.wait())
wait_for_signal = asyncio.coroutine(wait_for_signal)

def main(ev):
    await_(asyncio.gather(wait_for_signal(ev)))
main = asyncio.coroutine(main)

loop = asyncio.get_event_loop()
ev = asyncio.Event()
task = loop.create_task(main(ev), name="main")
loop.run_until_complete(asyncio.sleep(1))
`)
	fmt.Println(err)
	<-it.DumpTasks(os.Stdout)
	// Output:
	// <nil>
	// * Task(name='main', id=0x3)
	//   + Call stack:
	//   |   File 'pending.star', line 7, in async main()
	// * Task(name='Task-2', id=0x5)
	//   + Call stack:
	//   |   File 'pending.star', line 3, in async wait_for_signal()
	//   + Awaited by:
	//     * Future(id=0x6)
	//       + Awaited by:
	//         * Task(name='main', id=0x3)
	//           + Call stack:
	//           |   File 'pending.star', line 7, in async main()
}
