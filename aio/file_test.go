package aio

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	env := NewEnv(Config{Perm: Permissions{Read: []string{dir}, Write: []string{dir}}})
	defer closeEnv(t, env)
	name := filepath.Join(dir, "a.txt")
	var log []string
	note := func(v any, err error) {
		if err != nil {
			log = append(log, err.Error())
		} else {
			log = append(log, fmt.Sprintf("%q", v))
		}
	}
	f, err := env.Open("open", name, "w")
	if err != nil {
		t.Fatal(err)
	}
	note(nil, f.Write([]byte("héllo\nworld\n")))
	note(f.Read(1))
	f.Close()
	f, _ = env.Open("open", name, "a")
	f.Write([]byte("end"))
	f.Close()
	note(nil, f.Write([]byte("x")))
	f, _ = env.Open("open", name, "r")
	note(f.Read(2))
	note(f.ReadLine())
	note(f.Read(-1))
	note(f.ReadLine())
	f.Close()
	f, _ = env.Open("open", name, "rb")
	note(f.Read(2))
	f.Close()
	note(env.Open("open", filepath.Join(dir, "missing"), "r"))
	note(env.Open("open", dir, "r"))
	note(env.Open("open", name, "rw"))
	note(env.Open("open", "/etc/passwd", "r"))
	want := strings.Join([]string{
		`%!q(<nil>)`,
		`not readable`,
		`ValueError: I/O operation on closed file.`,
		`"hé"`, `"llo\n"`, `"world\nend"`, `""`, `"h\xc3"`,
		`[Errno 2] No such file or directory: '` + filepath.Join(dir, "missing") + `'`,
		`[Errno 21] Is a directory: '` + dir + `'`,
		`ValueError: must have exactly one of create/read/write/append mode`,
		`open: reading /etc/passwd is not granted; add its folder to -allow-read`,
	}, "\n")
	got := strings.Join(log, "\n")
	got = strings.Replace(got, "OSError: not readable", "not readable", 1)
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
