package interp_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
)

// A server keeps one interpreter alive: RunForever runs its loop, and each
// request handler calls a script function with the request's context,
// from its own goroutine. The context's values reach the host functions
// the script calls; Go values go in and come out.
func Example_serverHandler() {
	type userKey struct{}
	lookup := interp.AsyncFunc("lookup", func(ctx context.Context, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		user, _ := ctx.Value(userKey{}).(string) // set by the handler below
		return starlark.String(strings.ToUpper(user)), nil
	})
	it := interp.New(interp.Options{Predeclared: starlark.StringDict{"lookup": lookup}})
	defer it.Close()
	if _, err := it.ExecFile(context.Background(), "handlers.star", `
def handle(req):
    name = await_(lookup())
    return {"greeting": "hello " + name, "path": req["path"]}
handle = asyncio.coroutine(handle)
`); err != nil {
		fmt.Println(err)
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- it.RunForever(ctx) }()

	var wg sync.WaitGroup
	replies := make([]string, 3)
	for i, user := range []string{"ann", "bob", "cy"} {
		wg.Add(1)
		go func() { // an HTTP handler, say
			defer wg.Done()
			reqCtx := context.WithValue(context.Background(), userKey{}, user)
			v, err := it.Call(reqCtx, "handle", map[string]any{"path": "/u/" + user})
			if err != nil {
				replies[i] = err.Error()
				return
			}
			m := v.(map[string]any)
			replies[i] = fmt.Sprint(m["greeting"], " at ", m["path"])
		}()
	}
	wg.Wait()
	stop()
	<-done
	fmt.Println(strings.Join(replies, "\n"))
	// Output:
	// hello ANN at /u/ann
	// hello BOB at /u/bob
	// hello CY at /u/cy
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
