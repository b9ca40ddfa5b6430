package interp_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/interp"
)

// escapeSeeds are scripts that try to leave their grants (see
// TestEscapeOpen); FuzzExec starts from them too.
var escapeSeeds = []string{
	`print(open("g/" + "self/"*40 + "../"*40 + "etc/passwd").readline())`,
	`open("g/self/../o/victim.txt", "w").write("pwned")`,
	`open("g/dangling", "w").write("new")`,
	`print(open("/proc/self/cwd/g/self/../secret.txt").read())`,
	`print(open("/proc/self/root/etc/passwd").read())`,
	"load(\"settings.py\", \"DB_PASSWORD\")\nprint(DB_PASSWORD)\n",
	"load(\".env\", \"K\")\n",
	"load(\"g/self/../../secret.star\", \"x\")\n",
	`f = open("g/inside.txt", "rb"); print(len(f.read(1 << 62)))`,
}

// escapeDir makes the folder the escape scripts run in: g (granted) with
// g/self -> ., g/dangling -> ../o/new and g/inside.txt; o/victim.txt,
// secret.txt, settings.py, .env and a link lib.star -> .env outside g.
func escapeDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	os.Mkdir(filepath.Join(dir, "g"), 0o755)
	os.Mkdir(filepath.Join(dir, "o"), 0o755)
	for name, text := range map[string]string{
		"g/inside.txt": "inside\n", "o/victim.txt": "victim\n", "secret.txt": "secret\n",
		"settings.py": "DB_PASSWORD = \"hunter2\"\n", ".env": "K=topsecret\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range map[string]string{"g/self": ".", "g/dangling": "../o/new", "lib.star": ".env"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	return dir
}

// runIn runs src as the CLI does a -c script in dir (the load root), with
// opts' grants, and returns what it printed and its error's text.
func runIn(t *testing.T, dir, src string, opts interp.Options) (string, string) {
	t.Helper()
	var out bytes.Buffer
	opts.Stdout, opts.Stderr, opts.LoadRoot = &out, &out, dir
	it := interp.New(opts)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := it.ExecFile(ctx, filepath.Join(dir, "main.star"), src)
	it.Close()
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	return out.String(), msg
}

// TestEscapeOpen: the scripts, run with -allow-read=g and
// -allow-write=g, end in PermissionError naming the path as written, read
// nothing outside g, and change nothing outside it.
func TestEscapeOpen(t *testing.T) {
	dir := escapeDir(t)
	t.Chdir(dir)
	opts := interp.Options{AllowRead: []string{"g"}, AllowWrite: []string{"g"}}
	for _, src := range escapeSeeds[:5] {
		out, msg := runIn(t, dir, src, opts)
		if strings.Contains(out, "root:") || strings.Contains(out, "secret") || !strings.Contains(msg, "PermissionError") {
			t.Errorf("%s\nprinted %q, error %q; want a PermissionError and nothing read", src, out, msg)
		}
		if strings.Contains(msg, dir) || (strings.Contains(msg, "reading /etc") && !strings.Contains(src, `"/`)) {
			t.Errorf("%s: the error names the resolved target: %s", src, msg)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "o/victim.txt")); string(b) != "victim\n" {
		t.Errorf("o/victim.txt was overwritten: %q", b)
	}
	if _, err := os.Lstat(filepath.Join(dir, "o/new")); err == nil {
		t.Errorf("o/new was created through g/dangling")
	}
}

// TestEscapeLoad: load() reads Starlark modules only, inside its root:
// settings.py and .env are refused without their contents in the error,
// and so is lib.star, a link to .env; a module behind a link out of the
// root does not load.
func TestEscapeLoad(t *testing.T) {
	dir := escapeDir(t)
	os.WriteFile(filepath.Join(filepath.Dir(dir), filepath.Base(dir)+"-outside.star"), []byte("x = 'outside'\n"), 0o644)
	os.Symlink("../../"+filepath.Base(dir)+"-outside.star", filepath.Join(dir, "g", "out.star"))
	for _, src := range []string{
		"load(\"settings.py\", \"DB_PASSWORD\")\nprint(DB_PASSWORD)\n",
		"load(\".env\", \"K\")\n",
		"load(\".env\", \"topsecret\")\n",
		"load(\"lib.star\", \"K\")\n",
		"load(\"g/out.star\", \"x\")\nprint(x)\n",
		"load(\"g/self/../../" + filepath.Base(dir) + "-outside.star\", \"x\")\nprint(x)\n",
	} {
		out, msg := runIn(t, dir, src, interp.Options{})
		if msg == "" || strings.Contains(out+msg, "hunter2") || strings.Contains(out+msg, "topsecret") || strings.Contains(out, "outside") {
			t.Errorf("%s\nprinted %q, error %q; want the load refused, quoting nothing", src, out, msg)
		}
		if !strings.Contains(msg, "PermissionError") {
			t.Errorf("%s\nerror %q, want a PermissionError", src, msg)
		}
	}
	// Inside the root, a path resolves as the kernel resolves it: g/self
	// is g, so g/self/../ok.star is ok.star.
	os.WriteFile(filepath.Join(dir, "ok.star"), []byte("x = 'ok'\n"), 0o644)
	if out, msg := runIn(t, dir, "load(\"g/self/../ok.star\", \"x\")\nprint(x)\n", interp.Options{}); out != "ok\n" {
		t.Errorf("load(\"g/self/../ok.star\"): printed %q, error %q", out, msg)
	}
	out, msg := runIn(t, dir, "load(\"mod.star\", \"x\")\nprint(x)\n", interp.Options{})
	if !strings.Contains(msg, "FileNotFoundError: [Errno 2] No such file or directory: 'mod.star'") || strings.Contains(msg, dir) {
		t.Errorf("a missing module: printed %q, error %q", out, msg)
	}
}

// TestEscapeLoadSwappedLink: a module swapped back and forth with a link
// to a module outside the root, while scripts load it, never loads the
// outside one (bounded: 3 s or 20,000 runs).
func TestEscapeLoadSwappedLink(t *testing.T) {
	dir := escapeDir(t)
	outside := filepath.Join(filepath.Dir(dir), filepath.Base(dir)+"-secret.star")
	os.WriteFile(outside, []byte("x = 'SECRET'\n"), 0o644)
	mod := filepath.Join(dir, "mod.star")
	os.WriteFile(mod, []byte("x = 'inside'\n"), 0o644)
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			tmp := filepath.Join(dir, "tmp.star")
			if i%2 == 0 {
				os.Symlink(outside, tmp)
			} else {
				os.WriteFile(tmp, []byte("x = 'inside'\n"), 0o644)
			}
			os.Rename(tmp, mod)
		}
	}()
	defer func() {
		close(stop)
		<-done
	}()
	deadline := time.Now().Add(3 * time.Second)
	for i := 0; i < 20000 && time.Now().Before(deadline); i++ {
		if out, _ := runIn(t, dir, "load(\"mod.star\", \"x\")\nprint(x)\n", interp.Options{}); strings.Contains(out, "SECRET") {
			t.Fatalf("run %d loaded the module outside the root through a swapped link", i)
		}
	}
}

// TestReadDevZeroMemoryError: reading /dev/zero past the memory limit is
// MemoryError (ErrMemoryLimit), not the error of the file the limit
// closed.
func TestReadDevZeroMemoryError(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	for _, src := range []string{`open("/dev/zero", "rb").read()`, `open("/dev/zero", "rb").read(1 << 62)`, `open("/dev/zero").readline()`} {
		var out bytes.Buffer
		it := interp.New(interp.Options{AllowRead: []string{"/dev"}, MaxMemory: 64 << 20, Stdout: &out, Stderr: &out})
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		_, err := it.ExecFile(ctx, "main.star", src)
		cancel()
		it.Close()
		if !errors.Is(err, interp.ErrMemoryLimit) || strings.Contains(err.Error(), "closed") {
			t.Errorf("%s: got %v, want ErrMemoryLimit", src, err)
		}
	}
}
