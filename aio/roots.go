package aio

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
)

// How a script's path is opened through its grant. Each folder of a
// Read or Write list is an os.Root: the file is opened by the root, which
// resolves every component itself (openat), follows a symbolic link only
// while it stays inside, refuses a ".." that leaves, and leaves no window
// between a check and the open. Which root opens a path is chosen by
// walking the path as the kernel would (following its links, ".." after a
// link going to the link target's parent) until it enters a granted
// folder; the rest of the path, as the script wrote it, is handed to that
// root. The walk only chooses: a walk fooled by a link swapped under it
// still opens through a root, inside its grant.

// maxWalkLinks bounds the symbolic links the walk follows, as the kernel's
// bound on one path does.
const maxWalkLinks = 40

// grants is one permission list of an Env (Read or Write) with the roots
// of its folders, opened when first used and closed by Env.Close (after
// the opens in flight, which may need them to unblock).
type grants struct {
	list []string // nil: nothing is granted; empty: everything

	mu     sync.Mutex
	closed bool
	roots  map[string]*os.Root   // by the folder's path, symbolic links followed
	cache  map[string]grantEntry // by entry of list
}

func newGrants(list []string) *grants {
	return &grants{list: list, roots: make(map[string]*os.Root), cache: make(map[string]grantEntry)}
}

// close closes the roots; later opens fail with ErrClosed.
func (g *grants) close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closed = true
	for _, r := range g.roots {
		r.Close()
	}
	g.roots, g.cache = nil, nil
}

// grantEntry is one entry of the list, resolved now: a folder (with its
// root) or a file (a name in the folder parent, which may not exist yet).
type grantEntry struct {
	root     *os.Root
	info     os.FileInfo // of the folder (root) or of parent
	file     string      // for a file: its name in parent
	fileInfo os.FileInfo // for a file that exists: its own
	parent   *os.Root    // for a file: a root of its folder
}

// entries resolves the list's entries: each is resolved once, when first
// used, and kept (a folder's root follows the folder it opened, as
// os.Root does); an entry that does not resolve yet is tried again next
// time. A file's own FileInfo is read each time (it may be created or
// replaced).
func (g *grants) entries() ([]grantEntry, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return nil, ErrClosed
	}
	out := make([]grantEntry, 0, len(g.list))
	for _, e := range g.list {
		ge, ok := g.cache[e]
		if !ok {
			if ge, ok = g.resolve(e); !ok {
				continue
			}
			g.cache[e] = ge
		}
		if ge.parent != nil {
			ge.fileInfo, _ = ge.parent.Stat(ge.file)
		}
		out = append(out, ge)
	}
	return out, nil
}

// resolve opens the root of entry e: the folder it names (symbolic links
// followed), or the folder of the file it names (which may not exist yet).
func (g *grants) resolve(e string) (grantEntry, bool) {
	real, err := filepath.EvalSymlinks(e)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err == nil {
		if fi, err := os.Stat(real); err == nil && fi.IsDir() {
			r := g.roots[real]
			if r == nil {
				if r, err = os.OpenRoot(real); err != nil {
					return grantEntry{}, false
				}
				g.roots[real] = r
			}
			fi, err := r.Stat(".")
			return grantEntry{root: r, info: fi}, err == nil
		}
	} else if real, err = filepath.EvalSymlinks(filepath.Dir(e)); err == nil {
		// A file that does not exist yet, to be created.
		if real, err = filepath.Abs(real); err != nil {
			return grantEntry{}, false
		}
		real = filepath.Join(real, filepath.Base(e))
	} else {
		return grantEntry{}, false
	}
	dir := filepath.Dir(real)
	parent := g.roots[dir]
	if parent == nil {
		if parent, err = os.OpenRoot(dir); err != nil {
			return grantEntry{}, false
		}
		g.roots[dir] = parent
	}
	fi, err := parent.Stat(".")
	return grantEntry{parent: parent, info: fi, file: filepath.Base(real)}, err == nil
}

// candidate is a way into a grant: rel, opened by root.
type candidate struct {
	root *os.Root
	rel  string
}

// candidates returns the ways path (relative to the working folder) enters
// the granted folders or reaches a granted file, in the order the walk
// finds them.
func candidates(entries []grantEntry, path string) []candidate {
	abs := path
	if !filepath.IsAbs(path) {
		wd, err := os.Getwd()
		if err != nil {
			return nil
		}
		abs = wd + string(filepath.Separator) + path
	}
	vol := filepath.VolumeName(abs)
	comps := splitPath(abs[len(vol):])
	var out []candidate
	visit := func(dir string, fi os.FileInfo, rest []string) {
		if fi == nil {
			var err error
			if fi, err = os.Stat(dir); err != nil {
				return
			}
		}
		for _, e := range entries {
			switch {
			case e.root != nil && os.SameFile(fi, e.info):
				rel := strings.Join(rest, "/")
				if rel == "" {
					rel = "."
				}
				out = append(out, candidate{e.root, rel})
			case e.parent != nil && len(rest) == 1 && os.SameFile(fi, e.info) && rest[0] == e.file,
				e.parent != nil && len(rest) == 0 && e.fileInfo != nil && os.SameFile(fi, e.fileInfo):
				// The granted file, by its folder or through a link.
				out = append(out, candidate{e.parent, e.file})
			}
		}
	}
	w := &walker{}
	cur := vol + string(filepath.Separator)
	visit(cur, nil, comps)
	for i, c := range comps {
		next, fi, ok := w.step(cur, c)
		if !ok {
			break
		}
		cur = next
		visit(cur, fi, comps[i+1:])
	}
	return out
}

// splitPath returns the components of path without empty ones and ".".
func splitPath(path string) []string {
	var out []string
	for _, c := range strings.FieldsFunc(path, func(r rune) bool { return os.IsPathSeparator(uint8(r)) }) {
		if c != "." {
			out = append(out, c)
		}
	}
	return out
}

// walker resolves a path one component at a time, as the kernel does.
type walker struct{ links int }

// step returns dir/c with c's symbolic links followed, and its FileInfo
// when the walk has it (nil: unknown); ok is false when the walk cannot
// go on (c does not exist, or too many links).
func (w *walker) step(dir, c string) (string, os.FileInfo, bool) {
	if c == ".." {
		return filepath.Dir(dir), nil, true
	}
	p := filepath.Join(dir, c)
	fi, err := os.Lstat(p)
	if err != nil {
		return p, nil, false
	}
	if fi.Mode()&os.ModeSymlink == 0 {
		return p, fi, true
	}
	if w.links++; w.links > maxWalkLinks {
		return p, nil, false
	}
	target, err := os.Readlink(p)
	if err != nil {
		return p, nil, false
	}
	d := dir
	if filepath.IsAbs(target) {
		vol := filepath.VolumeName(target)
		d, target = vol+string(filepath.Separator), target[len(vol):]
	}
	fi = nil
	for _, tc := range splitPath(target) {
		var ok bool
		if d, fi, ok = w.step(d, tc); !ok {
			return d, nil, false
		}
	}
	return d, fi, true
}

// openGranted opens name (relative to the working folder) with flag
// through the grants of the list: a PermissionError (naming name as
// written) when no grant holds it or it leaves the grant it enters, an
// OSError for the system's errors. what, verb and flagName word the
// PermissionError ("reading files", "reading ", "-allow-read"). The open
// runs under ctx (see openUnblocking): when ctx ends while it blocks (a
// FIFO with no other end), ErrClosed is returned.
func (e *Env) openGranted(ctx context.Context, g *grants, op, name string, flag int, what, verb, flagName string) (*os.File, error) {
	if g.list == nil {
		return nil, &PermissionError{Op: op, What: what, Hint: "run with " + flagName}
	}
	if len(g.list) == 0 {
		f, err := e.openUnblocking(ctx, func(flag int) (*os.File, error) { return os.OpenFile(name, flag, 0o666) }, func() (os.FileInfo, error) { return os.Stat(name) }, flag)
		if errors.Is(err, ErrClosed) {
			return nil, err
		} else if err != nil {
			return nil, pathError(err, name)
		}
		return f, nil
	}
	entries, err := g.entries()
	if err != nil {
		return nil, err
	}
	cands := candidates(entries, name)
	if len(cands) == 0 {
		return nil, &PermissionError{Op: op, What: verb + name, Hint: "add its folder to " + flagName}
	}
	// The first way in that opens the file wins; a way the root refuses
	// (the path leaves it) makes the answer a PermissionError unless
	// another way opens it; otherwise the first system error is the
	// answer.
	var first error
	left := false
	for _, c := range cands {
		f, err := e.openInRoot(ctx, c.root, c.rel, flag)
		if err == nil {
			return f, nil
		}
		if errors.Is(err, ErrClosed) || ctx.Err() != nil {
			return nil, ErrClosed
		}
		var n syscall.Errno
		if !errors.As(err, &n) {
			left = true // the root's own refusal: the path leaves it
		} else if first == nil {
			first = pathError(n, name)
		}
	}
	if left || first == nil {
		return nil, &PermissionError{Op: op, What: verb + name, Hint: "a path may not leave its granted folder through '..' or a symbolic link"}
	}
	return nil, first
}

// openInRoot opens rel in r (see openUnblocking).
func (e *Env) openInRoot(ctx context.Context, r *os.Root, rel string, flag int) (*os.File, error) {
	return e.openUnblocking(ctx, func(flag int) (*os.File, error) { return r.OpenFile(rel, flag, 0o666) }, func() (os.FileInfo, error) { return r.Stat(rel) }, flag)
}

// openUnblocking opens a file with open(flag). A file that is not a
// regular file or a folder (stat says) may block the open: a FIFO waits
// for its other end. Such an open runs off the calling goroutine (see
// offOpen). Either way, if ctx ends while the open blocks, it is
// unblocked (see unblockOpen), what it opened is closed, and ErrClosed is
// returned.
func (e *Env) openUnblocking(ctx context.Context, open func(flag int) (*os.File, error), stat func() (os.FileInfo, error), flag int) (*os.File, error) {
	if ctx.Err() != nil {
		return nil, ErrClosed
	}
	unblocking := func() (*os.File, error) {
		opened := make(chan struct{})
		unblocked := make(chan struct{})
		stop := context.AfterFunc(ctx, func() {
			defer close(unblocked)
			unblockOpen(open, stat, opened)
		})
		f, err := open(flag)
		close(opened)
		if !stop() {
			<-unblocked
			if f != nil {
				f.Close()
			}
			return nil, ErrClosed
		}
		return f, err
	}
	if fi, err := stat(); err != nil || fi.Mode().IsRegular() || fi.IsDir() {
		// Cannot block; a FIFO swapped in meanwhile blocks the caller,
		// until ctx ends.
		return unblocking()
	}
	return e.offOpen(ctx, unblocking)
}
