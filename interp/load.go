package interp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// What the default loader reads (see loadFile): Starlark modules only,
// files whose names end in ".star" (and, for a symbolic link, whose
// target's does), resolved inside the load root one component at a time
// and opened through an os.Root of it, so that no ".." or symbolic link
// (dangling, swapped in, or not) reaches outside it.
// A load() it refuses is a PermissionError; a module that cannot be read
// is the OSError of the system's error (FileNotFoundError, ...). Neither
// quotes the file: a refused file is never read.

// moduleExt is the extension of the files load() reads.
const moduleExt = ".star"

// modulePath returns the absolute path of the module a load() statement
// on thread names, relative to the folder of the loading file: inside the
// load root, the path with its symbolic links and ".." resolved one
// component at a time inside the root, as the kernel would resolve them
// but without leaving it (see resolveInRoot). It refuses a module that is
// not a .star file (by its name, and by the name of the file a link of it
// leads to), or that is outside the load root.
func (it *Interp) modulePath(thread *starlark.Thread, name string) (string, error) {
	if it.root == "" && !it.opts.LoadOutsideRoot {
		return "", loadRefused("load: %s: loading files is off for a script given as source: set Options.LoadRoot", name)
	}
	if !strings.HasSuffix(name, moduleExt) {
		return "", loadRefused("load: %s: only Starlark modules (%s files) can be loaded", name, moduleExt)
	}
	from := ""
	if !filepath.IsAbs(name) {
		from = filepath.Dir(thread.CallFrame(0).Pos.Filename())
		if abs, err := filepath.Abs(from); err == nil {
			from = abs
		}
	}
	// rel is the path inside the root: the loading file's folder (a clean
	// path), then the name as the script wrote it, ".." and all.
	rel, inRoot := "", false
	if it.root != "" {
		if dir, ok := rootRel(it.root, from); ok && from != "" {
			rel, inRoot = path.Join(dir, ".")+"/"+filepath.ToSlash(name), true
		} else if r, ok := rootRel(it.root, filepath.Join(from, name)); ok {
			rel, inRoot = r, true // an absolute name, or a loading file outside the root
		}
	}
	if !inRoot {
		if !it.opts.LoadOutsideRoot {
			return "", loadRefused("load: %s is outside the script root", name)
		}
		return filepath.Join(from, name), nil
	}
	r, err := os.OpenRoot(it.root)
	if err != nil {
		return "", moduleError(name, err)
	}
	defer r.Close()
	real, ok := resolveInRoot(r, rel)
	if !ok {
		return "", loadRefused("load: %s is outside the script root (through '..' or a symbolic link)", name)
	}
	if !strings.HasSuffix(real, moduleExt) {
		return "", loadRefused("load: %s: only Starlark modules (%s files) can be loaded (it is a link to another kind of file)", name, moduleExt)
	}
	return filepath.Join(it.root, filepath.FromSlash(real)), nil
}

// readModule returns the text of the module at p (from modulePath),
// which the script named name: read through an os.Root of the load root
// (unless Options.LoadOutsideRoot and p is outside it), without a leading
// byte order mark.
func (it *Interp) readModule(name, p string) ([]byte, error) {
	var f *os.File
	var err error
	if rel, ok := rootRel(it.root, p); ok && it.root != "" {
		var r *os.Root
		if r, err = os.OpenRoot(it.root); err != nil {
			return nil, moduleError(name, err)
		}
		defer r.Close()
		f, err = r.Open(rel)
	} else {
		f, err = os.Open(p)
	}
	if err != nil {
		return nil, moduleError(name, err)
	}
	defer f.Close()
	src, err := io.ReadAll(f)
	if err != nil {
		return nil, moduleError(name, err)
	}
	return bytes.TrimPrefix(src, []byte("\ufeff")), nil
}

// rootRel returns p (absolute and clean) relative to root, slash-separated,
// and whether it is inside root.
func rootRel(root, p string) (string, bool) {
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// maxModuleLinks bounds the symbolic links one load() follows, as the
// kernel bounds those of one path.
const maxModuleLinks = 40

// resolveInRoot resolves rel (slash-separated) inside r one component at a
// time, as the kernel would: a symbolic link is replaced by its target, a
// ".." removes the component before it. It returns the path inside r with
// no link and no ".." left (a component that does not exist is kept as
// written: the open reports it), or false when the path leaves r (a ".."
// past it, an absolute link) or follows too many links. The path only
// names the module: the open that follows goes through r too, so a link
// swapped in meanwhile still reaches nothing outside.
func resolveInRoot(r *os.Root, rel string) (string, bool) {
	todo := strings.Split(rel, "/")
	var done []string
	links := 0
	for len(todo) > 0 {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return "", false
			}
			done = done[:len(done)-1]
			continue
		}
		p := path.Join(append(done, c)...)
		fi, err := r.Lstat(p)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			done = append(done, c)
			continue
		}
		target, err := r.Readlink(p)
		if links++; err != nil || links > maxModuleLinks || filepath.IsAbs(target) || path.IsAbs(filepath.ToSlash(target)) {
			return "", false
		}
		todo = append(strings.Split(filepath.ToSlash(target), "/"), todo...)
	}
	return path.Join(done...), true
}

// loadRefused is the error of a load() refused: a PermissionError.
func loadRefused(format string, args ...any) error {
	return builtins.NewException(pyexc.PermissionError, fmt.Sprintf(format, args...))
}

// moduleError is the error of a module that cannot be opened or read: the
// OSError of the system's error, naming the module as the script wrote
// it; the root's own refusal (the path leaves it) is a PermissionError.
func moduleError(name string, err error) error {
	var n syscall.Errno
	if !errors.As(err, &n) {
		return loadRefused("load: %s is outside the script root (through '..' or a symbolic link)", name)
	}
	typ := pyexc.OSError
	switch n {
	case syscall.ENOENT:
		typ = pyexc.FileNotFoundError
	case syscall.EACCES, syscall.EPERM:
		typ = pyexc.PermissionError
	case syscall.EISDIR:
		typ = pyexc.IsADirectoryError
	case syscall.ENOTDIR:
		typ = pyexc.NotADirectoryError
	}
	msg := n.Error()
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	return builtins.NewException(typ, fmt.Sprintf("[Errno %d] %s: '%s'", int(n), msg, name))
}
