package builtins

import (
	"io"
	"testing"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
)

// TestContextNotAllocatedUnused: a program that uses no context variables
// makes no Context for its tasks and callbacks (currentContext is nil, a
// copy of it allocates nothing), while a value set in a Context is copied
// into a context of its own.
func TestContextNotAllocatedUnused(t *testing.T) {
	rt := NewRuntime(Config{Parts: TestParts, Stdout: io.Discard, Stderr: io.Discard, Clock: loop.NewClock(true)})
	defer rt.Close()
	src := `
def child(i):
    asyncio.get_running_loop().call_soon(print, i)
    await_(asyncio.sleep(0))
def main():
    await_(asyncio.gather(*[asyncio.create_task(asyncio.coroutine(child)(i)) for i in range(3)]))
asyncio.run(asyncio.coroutine(main)())
`
	if err := rt.ExecTopLevel("main", func(th *starlark.Thread) error {
		_, err := starlark.ExecFile(th, "x.star", src, rt.Predeclared())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if rt.varsUsed {
		t.Fatal("varsUsed is set by a program that uses no context variables")
	}
	if n := testing.AllocsPerRun(100, func() { _ = copyContext(rt.currentContext()) }); n != 0 {
		t.Errorf("copying the current context allocates %v times, want 0", n)
	}

	var key struct{ int }
	c := &Context{}
	if c2 := copyContext(c); c2 != nil {
		t.Errorf("copy of an empty context is %v, want nil", c2)
	}
	c.Set(&key, starlark.MakeInt(1))
	c2 := copyContext(c)
	if c2 == nil || c2 == c {
		t.Fatalf("copy of a context with a value is %p (of %p), want another context", c2, c)
	}
	c2.Set(&key, starlark.MakeInt(2))
	if v, ok := c.Get(&key); !ok || v != starlark.MakeInt(1) {
		t.Errorf("after setting the copy, the original holds %v, %v; want 1", v, ok)
	}
	c2.Delete(&key)
	if _, ok := c2.Get(&key); ok {
		t.Error("Delete left the value")
	}
}
