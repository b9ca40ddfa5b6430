package interp_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
)

// A server keeps one interpreter alive: RunForever runs its loop, and each
// request handler calls a script function with the request's context (a
// deadline bounds the call whatever the script does), from its own
// goroutine. Calls may start as soon as RunForever's goroutine is started:
// they wait in the loop's inbox. The context's values reach the host
// functions the script calls; Go values go in, and Decode fills a Go struct
// with the result. Close stops everything, RunForever included.
func Example_serverHandler() {
	type userKey struct{}
	lookup := interp.AsyncFunc("lookup", func(ctx context.Context, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		user, _ := ctx.Value(userKey{}).(string) // set by the handler below
		return starlark.String(strings.ToUpper(user)), nil
	})
	it := interp.New(interp.Options{Predeclared: starlark.StringDict{"lookup": lookup}})
	if _, err := it.ExecFile(context.Background(), "handlers.star", `
def handle(req):
    name = await_(lookup())
    return {"greeting": "hello " + name, "path": req["path"]}
handle = asyncio.coroutine(handle)
`); err != nil {
		fmt.Println(err)
		return
	}
	done := make(chan error)
	go func() { done <- it.RunForever(context.Background()) }()

	type reply struct {
		Greeting string `starlark:"greeting"`
		Path     string `starlark:"path"`
	}
	var wg sync.WaitGroup
	replies := make([]string, 3)
	for i, user := range []string{"ann", "bob", "cy"} {
		wg.Add(1)
		go func() { // an HTTP handler, say
			defer wg.Done()
			reqCtx, cancel := context.WithTimeout(context.WithValue(context.Background(), userKey{}, user), 5*time.Second)
			defer cancel()
			v, err := it.Call(reqCtx, "handle", map[string]any{"path": "/u/" + user})
			var r reply
			if err == nil {
				err = interp.Decode(v, &r)
			}
			if err != nil {
				replies[i] = err.Error()
				return
			}
			replies[i] = r.Greeting + " at " + r.Path
		}()
	}
	wg.Wait()
	it.Close() // RunForever returns
	<-done
	fmt.Println(strings.Join(replies, "\n"))
	// Output:
	// hello ANN at /u/ann
	// hello BOB at /u/bob
	// hello CY at /u/cy
}

// Script code runs on its interpreter's loop one piece at a time, so a
// request that computes without awaiting holds up every other request of
// the same interpreter (head-of-line blocking). A server that may get such
// requests serves each from a pool of interpreters, one request at a time
// each: a CPU-bound request then costs only its own deadline.
func Example_serverPool() {
	const src = `
def handle(n):
    if n == 0:
        while True:  # a request that never awaits
            pass
    return n * 2
`
	const size = 4
	pool := make(chan *interp.Interp, size)
	for i := 0; i < size; i++ {
		it := interp.New(interp.Options{CancelGrace: 10 * time.Millisecond})
		if _, err := it.ExecFile(context.Background(), "handlers.star", src); err != nil {
			fmt.Println(err)
			return
		}
		pool <- it
	}
	serve := func(n int) (any, error) { // an HTTP handler, say
		it := <-pool
		defer func() { pool <- it }()
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		return it.Call(ctx, "handle", n)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, timedOut := 0, 0
	for n := 0; n < 50; n++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := serve(n)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case errors.Is(err, context.DeadlineExceeded):
				timedOut++
			case err == nil && v == int64(2*n):
				ok++
			}
		}()
	}
	wg.Wait()
	for i := 0; i < size; i++ {
		(<-pool).Close()
	}
	fmt.Println("served:", ok, "timed out:", timedOut)
	// Output:
	// served: 49 timed out: 1
}

// A long-lived interpreter keeps its state in module globals: the tasks
// and calls it runs change its lists and dicts, one at a time on the loop,
// so no lock is needed.
func Example_longLivedState() {
	it := interp.New(interp.Options{})
	defer it.Close()
	it.ExecFile(context.Background(), "counter.star", `
hits = {}
def hit(page):
    hits[page] = hits.get(page, 0) + 1
    return hits[page]
def report():
    return sorted(hits.items())
`)
	for _, page := range []string{"/", "/about", "/", "/"} {
		it.Call(context.Background(), "hit", page)
	}
	v, _ := it.Call(context.Background(), "report")
	fmt.Println(v)
	// Output:
	// [[/ 3] [/about 1]]
}

// Limits for untrusted scripts: a step budget for each call
// (WithStepLimit), live tasks (MaxTasks), and memory (MaxMemory). Each
// failure is a typed error the host branches on.
func Example_limits() {
	it := interp.New(interp.Options{MaxTasks: 100, MaxMemory: 1 << 30, Stderr: io.Discard})
	defer it.Close()
	it.ExecFile(context.Background(), "untrusted.star", `
def spin():
    while True:
        pass
def fork_bomb():
    def park():
        await_(asyncio.sleep(3600))
    while True:
        asyncio.ensure_future(asyncio.coroutine(park)())
    await_(asyncio.sleep(0))
fork_bomb = asyncio.coroutine(fork_bomb)
`)
	_, err := it.Call(interp.WithStepLimit(context.Background(), 10_000), "spin")
	fmt.Println(errors.Is(err, interp.ErrStepLimit))
	_, err = it.Call(context.Background(), "fork_bomb")
	fmt.Println(errors.Is(err, interp.ErrTaskLimit), err)
	// Output:
	// true
	// true RuntimeError: too many tasks: the interpreter's limit is 100 unfinished tasks
}

// The errors of a run, by type: the script's exception (type name,
// message, traceback), a compile error with its position, and the
// sentinels of the limits.
func Example_typedErrors() {
	it := interp.New(interp.Options{MaxSteps: 1000})
	defer it.Close()
	for _, src := range []string{
		`{}["missing"]`,
		`x = (`,
		`while True: pass`,
	} {
		_, err := it.ExecFile(context.Background(), "e.star", src)
		var exc *interp.Exception
		var ce *interp.CompileError
		switch {
		case errors.As(err, &exc):
			fmt.Println("exception:", exc.Type, exc.Message)
		case errors.As(err, &ce):
			fmt.Println("compile error at", ce.Pos.Line, ce.Pos.Col, ce.Msg)
		case errors.Is(err, interp.ErrStepLimit):
			fmt.Println("step limit")
		}
	}
	// Output:
	// exception: KeyError 'missing'
	// compile error at 1 6 got end of file, want primary expression
	// step limit
}
