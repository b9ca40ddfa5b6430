package interp_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
)

// A script runs with its output going where the host says; its globals come
// back as Go values.
func Example() {
	it := interp.New(interp.Options{Stdout: os.Stdout})
	defer it.Close()
	globals, err := it.ExecFile(context.Background(), "hello.star", `
def greet(name):
    await_(asyncio.sleep(0))
    print("Hello,", name)
    return len(name)
greet = asyncio.coroutine(greet)
n = asyncio.run(greet("World"))
`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("n =", globals["n"])
	// Output:
	// Hello, World
	// n = 5
}

// With virtual time, sleeps return at once and the clock jumps: an hour of
// script time takes no real time.
func Example_virtualTime() {
	it := interp.New(interp.Options{Stdout: os.Stdout, VirtualTime: true})
	defer it.Close()
	start := time.Now()
	_, err := it.ExecFile(context.Background(), "sleepy.star", `
loop = asyncio.get_event_loop()
t0 = loop.time()
loop.run_until_complete(asyncio.sleep(3600))
print("slept", loop.time() - t0, "seconds")
`)
	fmt.Println(err, time.Since(start) < time.Second)
	// Output:
	// slept 3600.0 seconds
	// <nil> true
}

// A host function that blocks (here: a fake database query) is exposed to
// scripts as an async function. Each call runs on its own goroutine; the
// script awaits the result, and many calls run at once.
func Example_asyncFunc() {
	query := interp.AsyncFunc("query", func(ctx context.Context, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var key string
		if err := starlark.UnpackPositionalArgs("query", args, kwargs, 1, &key); err != nil {
			return nil, err
		}
		select {
		case <-time.After(10 * time.Millisecond): // the blocking work
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return starlark.String(strings.ToUpper(key)), nil
	})
	it := interp.New(interp.Options{
		Stdout:       os.Stdout,
		Predeclared:  starlark.StringDict{"query": query},
		MaxHostCalls: 8, // at most 8 queries at once
	})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), "db.star", `
def main():
    rows = await_(asyncio.gather(query("a"), query("b"), query("c")))
    print(rows)
asyncio.run(asyncio.coroutine(main)())
`)
	fmt.Println(err)
	// Output:
	// ['A', 'B', 'C']
	// <nil>
}

// A host function that fails or panics fails the awaiting task with an
// exception the script can catch; the loop goes on.
func Example_asyncFuncErrors() {
	flaky := interp.AsyncFunc("flaky", func(ctx context.Context, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) > 0 && args[0] == starlark.True {
			panic("oops")
		}
		return nil, interp.NewException("ValueError", "no such row")
	})
	it := interp.New(interp.Options{Stdout: os.Stdout, Predeclared: starlark.StringDict{"flaky": flaky}})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), "flaky.star", `
def main():
    for crash in [False, True]:
        try_(lambda: await_(flaky(crash)), except_=lambda e: print(type(e).__name__, str(e).split("\n")[0]))
asyncio.run(asyncio.coroutine(main)())
`)
	fmt.Println(err)
	// Output:
	// ValueError no such row
	// RuntimeError flaky: host function panicked: oops
	// <nil>
}

// Cancelling the context stops the script, even CPU-bound code; the error
// wraps the context's error.
func Example_cancel() {
	it := interp.New(interp.Options{})
	defer it.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := it.ExecFile(ctx, "spin.star", `
def spin():
    while True:
        pass
asyncio.run(asyncio.coroutine(spin)())
`)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	// Output:
	// true
}

// A script's uncaught exception comes back as an *interp.Error; errors.As
// finds the exception value, with its type and message.
func Example_errors() {
	it := interp.New(interp.Options{})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), "fail.star", `
def check(x):
    if x < 0:
        raise_(ValueError("negative: %d" % x))
asyncio.run(asyncio.coroutine(check)(-1))
`)
	fmt.Println(err)
	var e *interp.Exception
	if errors.As(err, &e) {
		fmt.Println(e.Type, "|", e.Message)
	}
	var ie *interp.Error
	if errors.As(err, &ie) {
		fmt.Print(ie.Traceback())
	}
	// Output:
	// ValueError: negative: -1
	// ValueError | negative: -1
	// Traceback (most recent call last):
	//   fail.star:5:12: in <toplevel>
	//   in task Task-1 (check() created at fail.star:5:12):
	//   fail.star:4:15: in check
	// ValueError: negative: -1
}

// A host runs the loop forever on one goroutine and submits coroutines to it
// from others, each waiting for its own result.
func Example_runCoroutineThreadsafe() {
	it := interp.New(interp.Options{Stdout: os.Stdout})
	defer it.Close()
	globals, _ := it.ExecFile(context.Background(), "handlers.star", `
def handle(n):
    await_(asyncio.sleep(0.001))
    return n * n
handle = asyncio.coroutine(handle)
`)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- it.RunForever(ctx) }()

	var wg sync.WaitGroup
	results := make([]starlark.Value, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, _ := it.RunCoroutineThreadsafe(globals["handle"].(starlark.Callable), starlark.MakeInt(i))
			results[i], _ = f.Result(context.Background())
		}()
	}
	wg.Wait()
	it.CallSoonThreadsafe(it.Predeclared()["print"].(starlark.Callable), starlark.String("from a callback"))
	cancel()
	<-done
	fmt.Println(results)
	// Output:
	// from a callback
	// [0 1 4 9]
}

// Interpreters share nothing: many run at once, each on its own goroutine.
func Example_manyInterpreters() {
	var wg sync.WaitGroup
	out := make([]string, 3)
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b strings.Builder
			it := interp.New(interp.Options{Stdout: &b, VirtualTime: true})
			defer it.Close()
			it.ExecFile(context.Background(), "w.star", fmt.Sprintf(`
def work():
    await_(asyncio.sleep(%d))
    print("interpreter %d done at", asyncio.get_event_loop().time())
asyncio.run(asyncio.coroutine(work)())
`, i+1, i))
			out[i] = b.String()
		}()
	}
	wg.Wait()
	fmt.Print(strings.Join(out, ""))
	// Output:
	// interpreter 0 done at 1.0
	// interpreter 1 done at 2.0
	// interpreter 2 done at 3.0
}
