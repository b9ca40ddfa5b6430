package interp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

var update = flag.Bool("update", false, "rewrite the golden trace in testdata from asyncrun's output")

// traceOf runs src (named filename) with opts and a trace, and returns the
// trace.
func traceOf(t *testing.T, opts Options, filename string, src any) []byte {
	t.Helper()
	var trace bytes.Buffer
	opts.Trace = &trace
	if opts.Stdout == nil {
		opts.Stdout = new(bytes.Buffer)
	}
	if opts.Stderr == nil {
		opts.Stderr = new(bytes.Buffer)
	}
	it := New(opts)
	if _, err := it.ExecFile(context.Background(), filename, src); err != nil {
		t.Fatal(err)
	}
	if err := it.Close(); err != nil {
		t.Fatal(err)
	}
	return trace.Bytes()
}

// TestTraceGolden: the trace of scripts/parallel_tasks.star under virtual
// time is the same on every run, and is the one in testdata (go test
// ./interp -run TestTraceGolden -update rewrites it).
func TestTraceGolden(t *testing.T) {
	src, err := os.ReadFile("../scripts/parallel_tasks.star")
	if err != nil {
		t.Fatal(err)
	}
	got := traceOf(t, Options{VirtualTime: true}, "parallel_tasks.star", src)
	if again := traceOf(t, Options{VirtualTime: true}, "parallel_tasks.star", src); !bytes.Equal(got, again) {
		t.Errorf("two runs gave two traces:\n%s\n---\n%s", got, again)
	}
	golden := filepath.Join("testdata", "parallel_tasks.trace.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("got the trace\n%s\nwant (%s)\n%s", got, golden, want)
	}
	checkTraceEvents(t, got)
}

// traceEvent is one event of a trace, as JSON gives it.
type traceEvent map[string]any

// checkTraceEvents checks that a trace is a JSON object whose traceEvents
// have the Trace Event Format's required fields (name, ph, ts, pid, tid;
// dur for complete events; id and cat for flow events), that each track
// with events is named, and that each flow that starts ends. It returns
// the events.
func checkTraceEvents(t *testing.T, data []byte) []traceEvent {
	t.Helper()
	var trace struct{ TraceEvents []traceEvent }
	if err := json.Unmarshal(data, &trace); err != nil {
		t.Fatalf("the trace is not JSON: %v\n%s", err, data)
	}
	named := map[float64]bool{}
	used := map[float64]bool{}
	flows := map[string]int{}
	for i, ev := range trace.TraceEvents {
		bad := func(format string, args ...any) {
			t.Errorf("event %d %v: %s", i, ev, fmt.Sprintf(format, args...))
		}
		for _, k := range []string{"name", "ph"} {
			if _, ok := ev[k].(string); !ok {
				bad("%s is not a string", k)
			}
		}
		for _, k := range []string{"ts", "pid", "tid"} {
			if _, ok := ev[k].(float64); !ok {
				bad("%s is not a number", k)
			}
		}
		tid, _ := ev["tid"].(float64)
		switch ev["ph"] {
		case "X":
			if d, ok := ev["dur"].(float64); !ok || d < 0 {
				bad("a complete event needs a duration")
			}
			used[tid] = true
		case "i":
			if ev["s"] != "t" {
				bad("an instant event is scoped to its thread")
			}
			used[tid] = true
		case "s", "f":
			if _, ok := ev["id"].(float64); !ok || ev["cat"] != "task" {
				bad("a flow event needs an id and a category")
			}
			if ev["ph"] == "s" {
				flows[fmt.Sprint(ev["id"])]++
			} else {
				flows[fmt.Sprint(ev["id"])]--
			}
		case "M":
			args, _ := ev["args"].(map[string]any)
			switch ev["name"] {
			case "thread_name":
				if _, ok := args["name"].(string); !ok || named[tid] {
					bad("a thread is named once, with a string")
				}
				named[tid] = true
			case "thread_sort_index", "process_name":
			default:
				bad("unknown metadata")
			}
		default:
			bad("unexpected phase")
		}
	}
	for tid := range used {
		if !named[tid] {
			t.Errorf("track %v has events but no name", tid)
		}
	}
	for id, n := range flows {
		if n != 0 {
			t.Errorf("flow %s: %d more starts than ends", id, n)
		}
	}
	return trace.TraceEvents
}

// TestTraceEvents: a trace shows creation arrows from the task or callback
// that made a task, what each step awaited, how tasks ended (result,
// exception, cancelled, destroyed with the loop), tasks' final names, the
// callbacks scripts scheduled and host calls, each on a track of its own.
func TestTraceEvents(t *testing.T) {
	fetch := AsyncFunc("fetch", func(ctx context.Context, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.String("data"), nil
	})
	src := `
def fail():
    raise_(ValueError("bad"))
fail = asyncio.coroutine(fail)

def forever():
    await_(asyncio.get_event_loop().create_future())
forever = asyncio.coroutine(forever)

def child():
    await_(asyncio.sleep(1))
    return [1, "two"]
child = asyncio.coroutine(child)

def main():
    c = asyncio.create_task(child(), name="kid")
    f = asyncio.create_task(fail())
    v = await_(fetch())
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: asyncio.ensure_future(forever()))
    loop.call_later(0.5, print, "later")
    await_(c)
    try_(lambda: await_(f), except_=lambda e: None)
    s = asyncio.create_task(asyncio.sleep(10))
    await_(asyncio.sleep(0))
    s.cancel()
    return v
main = asyncio.coroutine(main)

loop = asyncio.get_event_loop()
print(loop.run_until_complete(main()))
`
	data := traceOf(t, Options{VirtualTime: true, Predeclared: starlark.StringDict{"fetch": fetch}}, "x.star", src)
	evs := checkTraceEvents(t, data)
	names := map[float64]string{}
	for _, ev := range evs {
		if ev["name"] == "thread_name" {
			names[ev["tid"].(float64)] = ev["args"].(map[string]any)["name"].(string)
		}
	}
	var lines []string
	for _, ev := range evs {
		if ev["ph"] == "M" {
			continue
		}
		line := fmt.Sprintf("%s %s %s", names[ev["tid"].(float64)], ev["ph"], ev["name"])
		if args, ok := ev["args"].(map[string]any); ok {
			js, _ := json.Marshal(args)
			line += " " + string(js)
		}
		lines = append(lines, line)
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{
		`Task-1 X main {"awaits":"fetch()"}`,
		"Task-1 s create\nTask-1 s create",
		`kid f create` + "\n" + `kid i created {"at":"x.star:16","coro":"child()"}`,
		`host calls X fetch()`,
		`Task-1 X main:18 {"awaits":"Task 'kid'","resumed_at":"x.star:18"}`,
		`callbacks X lambda() at x.star:20`,
		"callbacks s create\nTask-4 f create",
		`Task-3 i exception {"exception":"ValueError: bad"}`,
		`callbacks X print('later')`,
		`kid i result {"result":"[1, 'two']"}`,
		`Task-5 i cancelled`,
		`Task-1 i result {"result":"'data'"}`,
		`Task-4 i destroyed`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the trace lacks %q:\n%s", want, got)
		}
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestTraceWriteError: Close reports an error writing the trace.
func TestTraceWriteError(t *testing.T) {
	it := New(Options{VirtualTime: true, Trace: failingWriter{}})
	if _, err := it.ExecFile(context.Background(), "x.star", "asyncio.run(asyncio.sleep(1))"); err != nil {
		t.Fatal(err)
	}
	if err := it.Close(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Close: got %v, want the trace's write error", err)
	}
}
