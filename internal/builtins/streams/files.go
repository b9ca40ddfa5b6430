package streams

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/asyncrun/asyncrun/aio"
	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// open(file, mode="r", encoding=None), Python's, for scripts that read
// input and write results: text mode reads and writes str, binary mode
// ("rb", "wb", "ab") bytes. It blocks, as Python's does (asyncio has no
// file API). Paths are relative to the working folder; reading needs
// Config.Perm.Read, writing Config.Perm.Write, and a file is opened through
// its grant (see aio.Env.Open). A file is a context manager
// (with_ closes it) and iterates over its lines.

// open_ is the predeclared open.
func open_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	mode := "r"
	var encoding starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "file", &name, "mode?", &mode, "encoding?", &encoding); err != nil {
		return nil, err
	}
	if s, ok := encoding.(starlark.String); ok && !isUTF8(string(s)) {
		return nil, builtins.Errorf(pyexc.LookupError, "open: encoding %s is not supported: files are UTF-8", builtins.Repr(s))
	}
	op := opText("open", starlark.String(name))
	if mode != "r" {
		op = opText("open", starlark.String(name), starlark.String(mode))
	}
	f, err := builtins.IO(thread).Open(op, name, mode)
	if err != nil {
		return nil, builtins.FileError(thread, err)
	}
	return &fileValue{builtins.NewObjectOf(thread), f}, nil
}

func isUTF8(enc string) bool {
	switch enc {
	case "utf-8", "utf8", "UTF-8", "UTF8", "utf_8":
		return true
	}
	return false
}

// fileValue is a file open() returned.
type fileValue struct {
	builtins.Object
	f *aio.File
}

var (
	_ starlark.HasAttrs       = (*fileValue)(nil)
	_ starlark.Iterable       = (*fileValue)(nil)
	_ builtins.ContextManager = (*fileValue)(nil)
)

// String returns Python's form: <_io.TextIOWrapper name='x.txt' mode='r'
// encoding='UTF-8'>, <_io.BufferedReader name='x.bin'>.
func (v *fileValue) String() string {
	if !v.f.Binary {
		return "<_io.TextIOWrapper name=" + builtins.Quote(v.f.Name) + " mode=" + builtins.Quote(v.f.Mode) + " encoding='UTF-8'>"
	}
	return "<_io." + v.Type() + " name=" + builtins.Quote(v.f.Name) + ">"
}

// Type returns Python's class name: TextIOWrapper, BufferedReader or
// BufferedWriter.
func (v *fileValue) Type() string {
	switch {
	case !v.f.Binary:
		return "TextIOWrapper"
	case strings.Contains(v.f.Mode, "r"):
		return "BufferedReader"
	}
	return "BufferedWriter"
}

// Attr returns closed, mode, name and the methods.
func (v *fileValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "closed":
		return starlark.Bool(v.f.Closed()), nil
	case "mode":
		return starlark.String(v.f.Mode), nil
	case "name":
		return starlark.String(v.f.Name), nil
	}
	return fileMethods.Attr(v, name), nil
}

func (v *fileValue) AttrNames() []string { return fileMethods.Names("closed", "mode", "name") }

// enter returns the file (with open(...) as f:).
func (v *fileValue) Enter(thread *starlark.Thread) (starlark.Value, error) { return v, nil }

// exit closes the file and lets the block's exception through.
func (v *fileValue) Exit(thread *starlark.Thread, err error) error {
	if cerr := v.f.Close(); cerr != nil && err == nil {
		return builtins.IOError(cerr)
	}
	return err
}

// value returns data as the file's mode gives it: str or bytes.
func (v *fileValue) value(data []byte) starlark.Value {
	if v.f.Binary {
		return starlark.Bytes(data)
	}
	return starlark.String(data)
}

// Iterate returns an iterator over the file's lines (it stops at the end,
// or at an error).
func (v *fileValue) Iterate() starlark.Iterator { return &lineIterator{v} }

type lineIterator struct{ v *fileValue }

func (it *lineIterator) Next(p *starlark.Value) bool {
	line, err := it.v.f.ReadLine()
	if err != nil || len(line) == 0 {
		return false
	}
	*p = it.v.value(line)
	return true
}

func (it *lineIterator) Done() {}

var fileMethods = builtins.NewMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"close":     fileClose,
	"read":      fileRead,
	"readline":  fileReadLine,
	"readlines": fileReadLines,
	"write":     fileWrite,
})

func recvFile(b *starlark.Builtin) *fileValue { return b.Receiver().(*fileValue) }

// fileRead is read(size=-1).
func fileRead(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n := -1
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "size?", &n); err != nil {
		return nil, err
	}
	v := recvFile(b)
	data, err := v.f.Read(n)
	if err != nil {
		return nil, builtins.FileError(thread, err)
	}
	return v.value(data), nil
}

// fileReadLine is readline(): the next line with its newline, or "" at
// the end.
func fileReadLine(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	v := recvFile(b)
	data, err := v.f.ReadLine()
	if err != nil {
		return nil, builtins.FileError(thread, err)
	}
	return v.value(data), nil
}

// fileReadLines is readlines(): the list of the remaining lines.
func fileReadLines(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	v := recvFile(b)
	var lines []starlark.Value
	for {
		line, err := v.f.ReadLine()
		if err != nil {
			return nil, builtins.FileError(thread, err)
		}
		if len(line) == 0 {
			return starlark.NewList(lines), nil
		}
		lines = append(lines, v.value(line))
	}
}

// fileWrite is write(s): s is a str in text mode, bytes in binary mode; it
// returns the number of characters (or bytes) written.
func fileWrite(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	v := recvFile(b)
	var data []byte
	n := 0
	switch s := x.(type) {
	case starlark.String:
		if v.f.Binary {
			return nil, builtins.Errorf(pyexc.TypeError, "a bytes-like object is required, not 'str'")
		}
		data, n = []byte(s), utf8.RuneCountInString(string(s))
	case starlark.Bytes:
		if !v.f.Binary {
			return nil, builtins.Errorf(pyexc.TypeError, "write() argument must be str, not bytes")
		}
		data, n = []byte(s), len(s)
	default:
		if v.f.Binary {
			return nil, builtins.Errorf(pyexc.TypeError, "a bytes-like object is required, not '%s'", builtins.TypeName(x))
		}
		return nil, builtins.Errorf(pyexc.TypeError, "write() argument must be str, not %s", builtins.TypeName(x))
	}
	if err := v.f.Write(data); err != nil {
		return nil, builtins.FileError(thread, err)
	}
	return starlark.MakeInt(n), nil
}

func fileClose(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.None, builtins.FileError(thread, recvFile(b).f.Close())
}

// fileWriter is a text file as print's file=: writes go through the
// file's checks (open, writable, text mode) and fail as write() does.
type fileWriter struct{ v *fileValue }

// TextWriter returns the file's writer for print(file=f).
func (v *fileValue) TextWriter() io.Writer { return fileWriter{v} }

func (w fileWriter) Write(p []byte) (int, error) {
	if w.v.f.Binary {
		return 0, builtins.Errorf(pyexc.TypeError, "a bytes-like object is required, not 'str'")
	}
	if err := w.v.f.Write(p); err != nil {
		return 0, builtins.IOError(err)
	}
	return len(p), nil
}
