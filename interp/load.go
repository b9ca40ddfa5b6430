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

	"github.com/asyncrun/asyncrun/builtins"
	"go.starlark.net/starlark"
)

// What the default loader reads (see loadFile): Starlark modules only,
// files whose names end in ".star" (and, for a symbolic link, whose
// target's does), opened through an os.Root of the load root, so that no
// ".." or symbolic link (dangling, swapped in, or not) reaches outside it.
// A load() it refuses is a PermissionError; a module that cannot be read
// is the OSError of the system's error (FileNotFoundError, ...). Neither
// quotes the file: a refused file is never read.

// moduleExt is the extension of the files load() reads.
const moduleExt = ".star"

// modulePath returns the absolute path of the module a load() statement
// on thread names: relative to the folder of the loading file. It refuses
// a module that is not a .star file, or that is outside the load root.
func (it *Interp) modulePath(thread *starlark.Thread, name string) (string, error) {
	if it.root == "" && !it.opts.LoadOutsideRoot {
		return "", loadRefused("load: %s: loading files is off for a script given as source: set Options.LoadRoot", name)
	}
	if !strings.HasSuffix(name, moduleExt) {
		return "", loadRefused("load: %s: only Starlark modules (%s files) can be loaded", name, moduleExt)
	}
	p := name
	if !filepath.IsAbs(p) {
		from := thread.CallFrame(0).Pos.Filename()
		p = filepath.Join(filepath.Dir(from), name)
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if !it.opts.LoadOutsideRoot {
		if _, ok := rootRel(it.root, p); !ok {
			return "", loadRefused("load: %s is outside the script root", name)
		}
	}
	return p, nil
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
		if err := checkModuleLink(r, rel, name); err != nil {
			return nil, err
		}
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

// rootRel returns p (absolute) relative to root, slash-separated, and
// whether it is inside root.
func rootRel(root, p string) (string, bool) {
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// checkModuleLink refuses a module whose file is a symbolic link to a
// file that is not a .star file (".env" behind "lib.star"): the module's
// text would be shown in its errors. The link's target is read through r;
// the open that follows goes through r too, so nothing outside the root is
// reached whatever the link says.
func checkModuleLink(r *os.Root, rel, name string) error {
	for range 40 {
		fi, err := r.Lstat(rel)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return nil // the open reports what is wrong
		}
		target, err := r.Readlink(rel)
		if err != nil {
			return nil
		}
		if !strings.HasSuffix(target, moduleExt) {
			return loadRefused("load: %s: only Starlark modules (%s files) can be loaded (it is a link to another kind of file)", name, moduleExt)
		}
		rel = path.Join(path.Dir(rel), filepath.ToSlash(target))
	}
	return nil
}

// loadRefused is the error of a load() refused: a PermissionError.
func loadRefused(format string, args ...any) error {
	return builtins.NewException("PermissionError", fmt.Sprintf(format, args...))
}

// moduleError is the error of a module that cannot be opened or read: the
// OSError of the system's error, naming the module as the script wrote
// it; the root's own refusal (the path leaves it) is a PermissionError.
func moduleError(name string, err error) error {
	var n syscall.Errno
	if !errors.As(err, &n) {
		return loadRefused("load: %s is outside the script root (through '..' or a symbolic link)", name)
	}
	typ := "OSError"
	switch n {
	case syscall.ENOENT:
		typ = "FileNotFoundError"
	case syscall.EACCES, syscall.EPERM:
		typ = "PermissionError"
	case syscall.EISDIR:
		typ = "IsADirectoryError"
	case syscall.ENOTDIR:
		typ = "NotADirectoryError"
	}
	msg := n.Error()
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	return builtins.NewException(typ, fmt.Sprintf("[Errno %d] %s: '%s'", int(n), msg, name))
}
