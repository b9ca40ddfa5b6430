package interp_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
)

// TestAwaitFromAnotherInterpreter: await_ is each interpreter's own value
// (it finds the awaiting task through its interpreter's loop), but one
// handed by a host to another interpreter still awaits in that one's
// tasks, as its own await_ does.
func TestAwaitFromAnotherInterpreter(t *testing.T) {
	a := interp.New(interp.Options{VirtualTime: true})
	defer a.Close()
	g, err := a.ExecFile(context.Background(), "a.star", "aw = await_\n")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	b := interp.New(interp.Options{VirtualTime: true, Stdout: &out, Predeclared: starlark.StringDict{"other_await": g["aw"]}})
	defer b.Close()
	_, err = b.ExecFile(context.Background(), "b.star", `
def child():
    other_await(asyncio.sleep(0))
    return 2
def main():
    other_await(asyncio.sleep(0))
    print(other_await(asyncio.create_task(asyncio.coroutine(child)())) + other_await(asyncio.coroutine(child)()))
asyncio.run(asyncio.coroutine(main)())
`)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != "4\n" {
		t.Errorf("printed %q, want \"4\\n\"", out.String())
	}
}
