package interp_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
)

// chunk is one program of a chunked bad-input file: its text, and the
// line and regexp of its ### "regexp" comment.
type chunk struct {
	src  string
	line int // of the ### comment, from 1 in the chunk
	want *regexp.Regexp
}

var wantErr = regexp.MustCompile(`### "(.*)"\s*$`)

// readChunks reads a file of chunks split by lines "---" (the style of
// go.starlark.net's resolve/testdata).
func readChunks(t *testing.T, path string) []chunk {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []chunk
	for _, text := range strings.Split(string(data), "\n---\n") {
		c := chunk{src: text}
		// The line is checked unless the regexp gives it (":3:5: ...").
		for i, line := range strings.Split(text, "\n") {
			if m := wantErr.FindStringSubmatch(line); m != nil {
				c.line, c.want = i+1, regexp.MustCompile(m[1])
			}
		}
		if c.want == nil {
			t.Fatalf("%s: a chunk has no ### comment:\n%s", path, text)
		}
		out = append(out, c)
	}
	return out
}

// TestSyntaxErrors: every piece of Python syntax that asyncrun cannot take
// is a compile error at the place the user wrote it, naming the spelling
// that works.
func TestSyntaxErrors(t *testing.T) {
	for i, c := range readChunks(t, "testdata/syntax/errors.star") {
		_, err := interp.Compile("errors.star", c.src)
		if err == nil {
			t.Errorf("chunk %d compiled; want error %q\n%s", i, c.want, c.src)
			continue
		}
		msg := err.Error()
		if !c.want.MatchString(msg) {
			t.Errorf("chunk %d: got error %q, want %q\n%s", i, msg, c.want, c.src)
		}
		if at := "errors.star:" + strconv.Itoa(c.line) + ":"; !strings.HasPrefix(msg, at) && !strings.HasPrefix(c.want.String(), ":") {
			t.Errorf("chunk %d: got error %q, want it at %s", i, msg, at)
		}
	}
}

// TestPythonSyntaxInLoadedModule: a load()ed module is read through the
// same front end: async def, decorators, f-strings, import and is.
func TestPythonSyntaxInLoadedModule(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "helper.star"), []byte(`from asyncio import sleep
tagged = []
def tag(fn):
    tagged.append(fn.__name__ if False else "fetch")
    return fn

@tag
async def fetch(x):
    await sleep(0.1)
    return f"fetched {x!r:>6}" if x is not None else None
`), 0o644)
	main := filepath.Join(dir, "main.star")
	os.WriteFile(main, []byte(`load("helper.star", "fetch", "tagged")
import asyncio

async def main():
    print(tagged, await fetch("a"), await fetch(None) is None)

asyncio.run(main())
`), 0o644)
	var out bytes.Buffer
	it := interp.New(interp.Options{Stdout: &out, VirtualTime: true})
	defer it.Close()
	if _, err := it.ExecFile(context.Background(), main, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "['fetch'] fetched    'a' True\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestImportUnknownModule: importing a module asyncrun does not have is
// Python's ModuleNotFoundError (a subtype of ImportError), raised where the
// import statement runs, and naming load() for Starlark files.
func TestImportUnknownModule(t *testing.T) {
	for _, tc := range []struct{ src, typ, msg string }{
		{"x = 1\nimport os\n", "ModuleNotFoundError", "No module named 'os' (asyncrun's modules are asyncio, contextvars, datetime, functools, json, math, sys, time; for your own Starlark files, use load(\"file.star\", \"name\"))"},
		{"from asyncio import nope\n", "ImportError", "cannot import name 'nope' from 'asyncio'"},
		{"def f():\n    import os\ndef h(e):\n    print(isinstance(e, Exception))\n    raise_(e)\ntry_(f, except_={Exception: h})\n", "ModuleNotFoundError", "No module named 'os'"},
	} {
		it := interp.New(interp.Options{Stdout: io.Discard})
		_, err := it.ExecFile(context.Background(), "imp.star", tc.src)
		it.Close()
		var x *interp.Exception
		if !errors.As(err, &x) {
			t.Errorf("%q: got %v, want an exception", tc.src, err)
			continue
		}
		if !strings.HasSuffix(x.Type, tc.typ) || !strings.HasPrefix(x.Message, tc.msg) {
			t.Errorf("%q: got %s: %s, want %s: %s", tc.src, x.Type, x.Message, tc.typ, tc.msg)
		}
	}
}

// TestPythonSyntaxEntryPoints: every way in reads Python's syntax: Compile
// and Exec, ExecFile, and Parse with ExecChunk (as a prompt runs code).
func TestPythonSyntaxEntryPoints(t *testing.T) {
	src := "async def f(x):\n    return await asyncio.sleep(0, x * 2)\nr = await f(21)\nprint(f\"{r=}\", r is not None)\n"
	want := "r=42 True\n"
	run := func(name string, fn func(it *interp.Interp) error) {
		var out bytes.Buffer
		it := interp.New(interp.Options{Stdout: &out, VirtualTime: true})
		defer it.Close()
		if err := fn(it); err != nil {
			t.Errorf("%s: %v", name, err)
		} else if out.String() != want {
			t.Errorf("%s: got %q, want %q", name, out.String(), want)
		}
	}
	ctx := context.Background()
	run("Compile", func(it *interp.Interp) error {
		p, err := interp.Compile("c.star", src)
		if err != nil {
			return err
		}
		_, err = it.Exec(ctx, p)
		return err
	})
	run("ExecFile", func(it *interp.Interp) error {
		_, err := it.ExecFile(ctx, "e.star", src)
		return err
	})
	run("Parse", func(it *interp.Interp) error {
		f, err := interp.Parse("p.star", []byte(src))
		if err != nil {
			return err
		}
		globals := starlark.StringDict{}
		for k, v := range it.Predeclared() {
			globals[k] = v
		}
		_, err = it.ExecChunk(ctx, f, globals)
		return err
	})
}

// TestStackShowsUserLine: a task's stack shows the line as the user wrote
// it (await, not the rewrite the parser saw), at its line.
func TestStackShowsUserLine(t *testing.T) {
	src := `import asyncio, sys

async def inner():
    await asyncio.sleep(1)   # the user's line

async def main():
    t = asyncio.create_task(inner())
    await asyncio.sleep(0)
    t.print_stack(file=sys.stdout)
    t.cancel()

asyncio.run(main())
`
	var out bytes.Buffer
	it := interp.New(interp.Options{Stdout: &out, VirtualTime: true})
	defer it.Close()
	if _, err := it.ExecFile(context.Background(), "ps.star", src); err != nil {
		t.Fatal(err)
	}
	want := "  File \"ps.star\", line 4, in inner\n    await asyncio.sleep(1)   # the user's line\n"
	if !strings.HasSuffix(out.String(), want) {
		t.Errorf("got\n%s\nwant it to end with\n%s", out.String(), want)
	}
}

// TestPythonSyntaxCases: corners of the rewrite that have no CPython twin
// in spec_tests/testdata/syntax (where the others are), checked by what
// they print in asyncrun: await at the top level of a file (CPython takes
// it only inside a function), CRLF line ends with tabs (here, so that no
// checkout's line-end conversion changes them), and the seed's
// @asyncio.coroutine with yield from (gone from CPython 3.11).
func TestPythonSyntaxCases(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"async def f():\n    return 7\nprint(await f() + 1, -await f(), (await f()) * 2, [await f()][0])\n", "8 -7 14 7\n"},
		{"async def f():\r\n\treturn 1\r\nprint(await f())\r\n", "1\n"},
		{"def outer():\n    @asyncio.coroutine\n    def old():\n        return (yield from asyncio.sleep(0, 'seed'))\n    return old\nprint(await outer()())\n", "seed\n"},
	} {
		var out bytes.Buffer
		it := interp.New(interp.Options{Stdout: &out, VirtualTime: true})
		_, err := it.ExecFile(context.Background(), "case.star", tc.src)
		it.Close()
		if err != nil {
			t.Errorf("%q: %v", tc.src, err)
			continue
		}
		if out.String() != tc.want {
			t.Errorf("%q: got %q, want %q", tc.src, out.String(), tc.want)
		}
	}
}
