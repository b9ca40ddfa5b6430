package aio

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// escapeTree makes, in a new folder: g (the grant) with g/self -> ., a
// link out of it g/out -> ../o, a dangling link g/dangling -> ../o/new,
// g/inside.txt; o/victim.txt and secret.txt outside g. It returns the
// folder.
func escapeTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	for _, d := range []string{"g", "o"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{"g/inside.txt": "inside\n", "o/victim.txt": "victim\n", "secret.txt": "secret\n"}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{"g/self": ".", "g/out": "../o", "g/dangling": "../o/new", "g/abs": filepath.Join(dir, "secret.txt")}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	return dir
}

// openDenied opens path with mode and fails t unless the open is a
// PermissionError naming path as written and nothing outside g changed.
func openDenied(t *testing.T, env *Env, path, mode string) {
	t.Helper()
	f, err := env.Open("open", path, mode)
	if err == nil {
		data := ""
		if mode == "r" {
			b, _ := f.Read(-1)
			data = string(b)
		}
		f.Close()
		t.Errorf("open(%q, %q) escaped its grant (read %q)", path, mode, data)
		return
	}
	var pe *PermissionError
	if oe := (*OSError)(nil); mode == "x" && errors.As(err, &oe) && oe.Errno == syscall.EEXIST {
		return // the link exists: O_EXCL refuses it as the kernel does
	}
	if !errors.As(err, &pe) {
		t.Errorf("open(%q, %q): got %v (%T), want a PermissionError", path, mode, err, err)
		return
	}
	if !strings.Contains(pe.What, path) {
		t.Errorf("open(%q, %q): the error does not name the path as written: %v", path, mode, err)
	}
}

// TestEscapeRead: paths that leave a read grant through a link (".."
// after g/self, chains of g/self, a link to outside, /proc/self/cwd and
// /proc/self/root) are refused; paths inside it are read.
func TestEscapeRead(t *testing.T) {
	dir := escapeTree(t)
	t.Chdir(dir)
	g := filepath.Join(dir, "g")
	env := NewEnv(Config{Perm: Permissions{Read: []string{"g"}}})
	defer closeEnv(t, env)
	deep := "g/" + strings.Repeat("self/", 40) + strings.Repeat("../", 40) + strings.TrimPrefix(filepath.Join(dir, "secret.txt"), "/")
	denied := []string{
		"g/self/../secret.txt",
		filepath.Join(g, "self") + "/../secret.txt",
		"g/self/self/../../" + filepath.Base(dir) + "/secret.txt",
		deep,
		"g/out/victim.txt",
		"g/abs",
		"g/self/../o/victim.txt",
		"secret.txt",
		"g/../secret.txt",
	}
	if _, err := os.Stat("/proc/self/cwd"); err == nil {
		denied = append(denied,
			"/proc/self/cwd/g/self/../secret.txt",
			"/proc/self/root"+g+"/self/../secret.txt",
			"/proc/self/root/etc/passwd",
		)
	}
	for _, p := range denied {
		openDenied(t, env, p, "r")
	}
	for _, p := range []string{"g/inside.txt", "g/self/inside.txt", "g/self/self/../g/inside.txt", g + "/inside.txt", "./g/./inside.txt"} {
		f, err := env.Open("open", p, "r")
		if err != nil {
			if p == "g/self/self/../g/inside.txt" {
				continue // leaves g on the way: refusing it is fine
			}
			t.Errorf("open(%q): %v", p, err)
			continue
		}
		b, _ := f.Read(-1)
		f.Close()
		if string(b) != "inside\n" {
			t.Errorf("open(%q) read %q", p, b)
		}
	}
}

// TestEscapeWrite: writing through ".." after a link, through a link to
// outside, or through a dangling link pointing outside, creates and
// changes nothing outside the write grant.
func TestEscapeWrite(t *testing.T) {
	dir := escapeTree(t)
	t.Chdir(dir)
	env := NewEnv(Config{Perm: Permissions{Write: []string{"g"}}})
	defer closeEnv(t, env)
	for _, mode := range []string{"w", "a", "wb", "ab", "x"} {
		openDenied(t, env, "g/self/../o/victim.txt", mode)
		openDenied(t, env, "g/out/victim.txt", mode)
		openDenied(t, env, "g/dangling", mode)
		openDenied(t, env, "g/out/new", mode)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "o/victim.txt")); string(b) != "victim\n" {
		t.Errorf("o/victim.txt was changed: %q", b)
	}
	if _, err := os.Lstat(filepath.Join(dir, "o/new")); err == nil {
		t.Errorf("o/new was created through g/dangling")
	}
	f, err := env.Open("open", "g/self/new.txt", "w")
	if err != nil {
		t.Fatalf("writing inside the grant: %v", err)
	}
	f.Write([]byte("ok"))
	f.Close()
	if b, _ := os.ReadFile(filepath.Join(dir, "g/new.txt")); string(b) != "ok" {
		t.Errorf("g/new.txt holds %q", b)
	}
}

// TestEscapeSwappedLink: a file of the grant swapped back and forth with
// a link to a file outside, while the script opens it in a loop, never
// gives the outside file (bounded: 3 s or 20,000 opens).
func TestEscapeSwappedLink(t *testing.T) {
	dir := escapeTree(t)
	g := filepath.Join(dir, "g")
	file := filepath.Join(g, "file")
	if err := os.WriteFile(file, []byte("inside\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := NewEnv(Config{Perm: Permissions{Read: []string{g}}})
	defer closeEnv(t, env)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			tmp := filepath.Join(g, "tmp")
			if i%2 == 0 {
				os.Symlink("../secret.txt", tmp)
			} else {
				os.WriteFile(tmp, []byte("inside\n"), 0o644)
			}
			os.Rename(tmp, file)
		}
	}()
	defer func() {
		close(stop)
		<-done
	}()
	deadline := time.Now().Add(3 * time.Second)
	for i := 0; i < 20000 && time.Now().Before(deadline); i++ {
		f, err := env.Open("open", file, "r")
		if err != nil {
			continue
		}
		b, _ := f.Read(-1)
		f.Close()
		if strings.Contains(string(b), "secret") {
			t.Fatalf("open %d read the file outside the grant through a swapped link", i)
		}
	}
}

// TestGrantFile: a file granted by name is read, by its name or through
// a link to it, and nothing else is; a file of a write grant may be
// created.
func TestGrantFile(t *testing.T) {
	dir := escapeTree(t)
	t.Chdir(dir)
	env := NewEnv(Config{Perm: Permissions{Read: []string{"g/abs", "o/victim.txt"}, Write: []string{"o/made.txt"}}})
	defer closeEnv(t, env)
	for p, want := range map[string]string{"g/abs": "secret\n", "secret.txt": "secret\n", "o/victim.txt": "victim\n", "g/out/victim.txt": "victim\n"} {
		f, err := env.Open("open", p, "r")
		if err != nil {
			t.Errorf("open(%q): %v", p, err)
			continue
		}
		b, _ := f.Read(-1)
		f.Close()
		if string(b) != want {
			t.Errorf("open(%q) read %q", p, b)
		}
	}
	openDenied(t, env, "g/inside.txt", "r")
	openDenied(t, env, "o/new.txt", "w")
	f, err := env.Open("open", "o/made.txt", "w")
	if err != nil {
		t.Fatalf("creating a granted file: %v", err)
	}
	f.Close()
}

// TestReadHuge: read(n) with n far beyond the file returns what the file
// holds, allocating as the data comes.
func TestReadHuge(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.bin")
	os.WriteFile(name, []byte("0123456789"), 0o644)
	env := NewEnv(Config{Perm: Permissions{Read: []string{dir}}})
	defer closeEnv(t, env)
	for _, n := range []int{1 << 62, 1 << 40, 3} {
		f, err := env.Open("open", name, "rb")
		if err != nil {
			t.Fatal(err)
		}
		var b []byte
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("read(%d) panicked: %v", n, r)
				}
			}()
			b, err = f.Read(n)
		}()
		f.Close()
		want := "0123456789"[:min(n, 10)]
		if err != nil || string(b) != want {
			t.Errorf("read(%d): got %q, %v; want %q", n, b, err, want)
		}
	}
}

// TestLookupError: a name that does not resolve is socket.gaierror with
// CPython's text, naming neither the host's resolver nor the lookup.
func TestLookupError(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&net.DNSError{Err: "no such host", Name: "x", Server: "10.255.255.53:53", IsNotFound: true}, "[Errno -2] Name or service not known"},
		{&net.DNSError{Err: "i/o timeout", Name: "x", Server: "10.255.255.53:53", IsTimeout: true}, "[Errno -3] Temporary failure in name resolution"},
	} {
		err := connectError(&net.OpError{Op: "dial", Net: "tcp", Err: tc.err}, "x", 80)
		var gai *GAIError
		if !errors.As(err, &gai) || err.Error() != tc.want {
			t.Errorf("got %v (%T), want GAIError %q", err, err, tc.want)
		}
	}
}

// TestReadChunks: reads across many chunks return the file as it is, in
// binary and text mode, whole or by counts.
func TestReadChunks(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "big.txt")
	text := strings.Repeat("héllo wörld\n", 300_000) // 4.2 MB, 3.6 M characters
	os.WriteFile(name, []byte(text), 0o644)
	env := NewEnv(Config{Perm: Permissions{Read: []string{dir}}})
	defer closeEnv(t, env)
	for _, mode := range []string{"r", "rb"} {
		f, _ := env.Open("open", name, mode)
		b, err := f.Read(-1)
		f.Close()
		if err != nil || string(b) != text {
			t.Errorf("%s read(): %d bytes, %v", mode, len(b), err)
		}
	}
	f, _ := env.Open("open", name, "r")
	a, _ := f.Read(1_000_003)
	b, _ := f.Read(1 << 62)
	f.Close()
	if want := string([]rune(text)[:1_000_003]); string(a) != want || string(a)+string(b) != text {
		t.Errorf("text read(n): got %d and %d bytes", len(a), len(b))
	}
	f, _ = env.Open("open", name, "rb")
	a, _ = f.Read(3_000_001)
	b, _ = f.Read(1 << 40)
	f.Close()
	if string(a) != text[:3_000_001] || string(b) != text[3_000_001:] {
		t.Errorf("binary read(n): got %d and %d bytes", len(a), len(b))
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("a\xffbé"), 0o644)
	f, _ = env.Open("open", bad, "r")
	a, _ = f.Read(3)
	b, _ = f.Read(5)
	f.Close()
	if string(a) != "a\ufffdb" || string(b) != "é" {
		t.Errorf("text read(n) of invalid UTF-8: got %q, %q", a, b)
	}
}
