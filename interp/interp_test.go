package interp_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// double is a host async function: it blocks on its own goroutine.
var double = interp.AsyncFunc("double", func(ctx context.Context, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var n int
	if err := starlark.UnpackPositionalArgs("double", args, kwargs, 1, &n); err != nil {
		return nil, err
	}
	select {
	case <-time.After(time.Millisecond):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return starlark.MakeInt(2 * n), nil
})

const manySrc = `
def work(i):
    await_(asyncio.sleep(0.01 * (i % 3)))
    return await_(double(i))
work = asyncio.coroutine(work)
def main(seed):
    rs = await_(asyncio.gather(*[work(seed + i) for i in range(5)]))
    total = 0
    for r in rs:
        total += r
    return total
result = asyncio.run(asyncio.coroutine(main)(SEED))
print(result)
`

// TestThousandInterpreters runs 1,000 interpreters at once, each with tasks
// and a host async function, and checks every result; TestMain checks that
// no goroutine is left.
func TestThousandInterpreters(t *testing.T) {
	const n = 1000
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for seed := 0; seed < n; seed++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out bytes.Buffer
			it := interp.New(interp.Options{Stdout: &out, Predeclared: starlark.StringDict{"double": double, "SEED": starlark.MakeInt(seed)}})
			defer it.Close()
			globals, err := it.ExecFile(context.Background(), "many.star", manySrc)
			if err != nil {
				errs <- fmt.Errorf("seed %d: %v", seed, err)
				return
			}
			want := 2 * (5*seed + 10)
			if got := globals["result"]; got.String() != fmt.Sprint(want) || strings.TrimSpace(out.String()) != fmt.Sprint(want) {
				errs <- fmt.Errorf("seed %d: got %v (printed %q), want %d", seed, got, out.String(), want)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestCancelContextCancelsTasksAndHostCalls: cancelling the context ends the
// run, cancels the host call in flight, and leaves no goroutine.
func TestCancelContextCancelsTasksAndHostCalls(t *testing.T) {
	started := make(chan struct{})
	hostDone := make(chan error, 1)
	block := interp.AsyncFunc("block", func(ctx context.Context, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		close(started)
		<-ctx.Done()
		hostDone <- ctx.Err()
		return nil, ctx.Err()
	})
	it := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard, Predeclared: starlark.StringDict{"block": block}})
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-started; cancel() }()
	_, err := it.ExecFile(ctx, "block.star", `
def main():
    await_(block())
asyncio.run(asyncio.coroutine(main)())
`)
	it.Close()
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want an error wrapping context.Canceled", err)
	}
	if err := <-hostDone; !errors.Is(err, context.Canceled) {
		t.Errorf("host call saw %v, want context.Canceled", err)
	}
}

// TestHostCallCancelledWithTask: cancelling the awaiting task cancels the
// host call's context, and the task sees CancelledError.
func TestHostCallCancelledWithTask(t *testing.T) {
	hostErr := make(chan error, 1)
	block := interp.AsyncFunc("block", func(ctx context.Context, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		<-ctx.Done()
		hostErr <- ctx.Err()
		return nil, ctx.Err()
	})
	var out bytes.Buffer
	it := interp.New(interp.Options{Stdout: &out, Predeclared: starlark.StringDict{"block": block}})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), "cancel.star", `
def waiter():
    try_(lambda: await_(block()), except_={asyncio.CancelledError: lambda e: print("task cancelled")})
def main():
    t = asyncio.ensure_future(asyncio.coroutine(waiter)())
    await_(asyncio.sleep(0.01))
    t.cancel()
    await_(t)
asyncio.run(asyncio.coroutine(main)())
`)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "task cancelled\n" {
		t.Errorf("got %q, want %q", got, "task cancelled\n")
	}
	if err := <-hostErr; !errors.Is(err, context.Canceled) {
		t.Errorf("host saw %v, want context.Canceled", err)
	}
}

// TestHostCallKeepsVirtualTimeAndDeadlockAway: under virtual time, a
// pending host call is waited for (the clock does not jump past it, and no
// deadlock is reported).
func TestHostCallUnderVirtualTime(t *testing.T) {
	var out bytes.Buffer
	it := interp.New(interp.Options{Stdout: &out, VirtualTime: true, Predeclared: starlark.StringDict{"double": double}})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), "v.star", `
loop = asyncio.get_event_loop()
t0 = loop.time()
print(loop.run_until_complete(double(21)), loop.time() - t0)
`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "42 0.0\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestLoadRoot: load() reads files relative to the script, once each, and
// refuses files outside the script's root.
func TestLoadRoot(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "app", "lib"), 0o755)
	os.WriteFile(filepath.Join(dir, "app", "lib", "util.star"), []byte("print('loading util')\ndef twice(x):\n    return 2 * x\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "secret.star"), []byte("x = 1\n"), 0o644)
	main := filepath.Join(dir, "app", "main.star")
	os.WriteFile(main, []byte(`load("lib/util.star", "twice")
load("lib/util.star", t2 = "twice")
print(twice(21), t2(1))
`), 0o644)
	var out bytes.Buffer
	it := interp.New(interp.Options{Stdout: &out})
	if _, err := it.ExecFile(context.Background(), main, nil); err != nil {
		t.Fatal(err)
	}
	it.Close()
	if got, want := out.String(), "loading util\n42 2\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	escape := filepath.Join(dir, "app", "escape.star")
	os.WriteFile(escape, []byte(`load("../secret.star", "x")`+"\n"), 0o644)
	it = interp.New(interp.Options{})
	_, err := it.ExecFile(context.Background(), escape, nil)
	it.Close()
	if err == nil || !strings.Contains(err.Error(), "outside the script root") {
		t.Errorf("got %v, want a load error naming the root", err)
	}
}

// TestPrintStackSourceLines: Task.print_stack shows the source line of each
// frame, for the script run and for the files it loads, as CPython does.
func TestPrintStackSourceLines(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "lib.star"), []byte("def wait():\n    await_(asyncio.sleep(1))  # in lib\nwait = asyncio.coroutine(wait)\n"), 0o644)
	main := filepath.Join(dir, "main.star")
	var out bytes.Buffer
	it := interp.New(interp.Options{Stdout: &out, VirtualTime: true, LoadRoot: dir})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), main, `load("lib.star", "wait")
def main():
    t = asyncio.ensure_future(wait())
    await_(asyncio.sleep(0))
    t.print_stack(file=sys.stdout)
    t.cancel()
asyncio.run(asyncio.coroutine(main)())
`)
	if err != nil {
		t.Fatal(err)
	}
	want := "  File \"" + filepath.Join(dir, "lib.star") + "\", line 2, in wait\n    await_(asyncio.sleep(1))  # in lib\n"
	if !strings.HasSuffix(out.String(), want) {
		t.Errorf("got %q, want it to end with %q", out.String(), want)
	}
}

// BenchmarkParallel measures the same CPU-bound script workload run by 1
// interpreter at a time and by 8 at once; the ratio of their throughputs is
// how the work scales with cores.
func BenchmarkParallel(b *testing.B) {
	src := `
def work(n):
    total = 0
    for i in range(n):
        total += i % 7
        if i % 1000 == 0:
            await_(asyncio.sleep(0))
    return total
def main():
    return await_(asyncio.gather(*[asyncio.coroutine(work)(20000) for i in range(4)]))
asyncio.run(asyncio.coroutine(main)())
`
	for _, par := range []int{1, 8} {
		b.Run(fmt.Sprintf("interpreters=%d", par), func(b *testing.B) {
			jobs := make(chan struct{}, b.N)
			for i := 0; i < b.N; i++ {
				jobs <- struct{}{}
			}
			close(jobs)
			var wg sync.WaitGroup
			for w := 0; w < par; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range jobs {
						it := interp.New(interp.Options{Stdout: io.Discard, VirtualTime: true})
						if _, err := it.ExecFile(context.Background(), "w.star", src); err != nil {
							b.Error(err)
						}
						it.Close()
					}
				}()
			}
			wg.Wait()
		})
	}
}

// TestSyntaxHint: a host that parses code itself gets ExecFile's hints for
// Python keywords.
func TestSyntaxHint(t *testing.T) {
	_, err := interp.FileOptions().Parse("x.star", "def f():\n    yield from g()\n", 0)
	got := interp.SyntaxHint(err).Error()
	if want := "x.star:2:5: got yield, want primary expression (this parser has no `yield from x`: write `await_(x)`, or parse with interp.Parse)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	_, err = interp.FileOptions().Parse("x.star", "x = = 1\n", 0)
	if got := interp.SyntaxHint(err); got.Error() != err.Error() {
		t.Errorf("an error with no Python keyword became %q", got)
	}
	if interp.SyntaxHint(nil) != nil {
		t.Error("SyntaxHint(nil) != nil")
	}
}
