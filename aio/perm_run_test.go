package aio

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCheckRun(t *testing.T) {
	sh := lookPath("sh")
	if sh == "" {
		t.Skip("no sh on the PATH")
	}
	for _, tc := range []struct {
		list  []string
		prog  string
		shell bool
		env   []string
		want  string
	}{
		{nil, "ls", false, nil, "op: running programs is not granted; run with -allow-run"},
		{[]string{}, "ls", false, nil, ""},
		{[]string{}, "sh", false, []string{"LD_PRELOAD=/x.so"}, ""},
		{[]string{"sh"}, "sh", true, nil, ""},
		{[]string{"sh"}, sh, false, nil, ""},
		{[]string{sh}, "sh", false, nil, ""},
		{[]string{"sh"}, "sh", false, []string{"A=1", "LD_PRELOAD=/x.so"}, "op: setting LD_PRELOAD in env= is not granted; the dynamic loader's variables (LD_*, DYLD_*) need -allow-run without a list"},
		{[]string{"sh"}, "sh", false, []string{"DYLD_INSERT_LIBRARIES=/x.dylib"}, "op: setting DYLD_INSERT_LIBRARIES in env= is not granted; the dynamic loader's variables (LD_*, DYLD_*) need -allow-run without a list"},
		{[]string{"cat"}, "sh", true, nil, "op: running sh (the shell) is not granted; add sh to -allow-run"},
		{[]string{"cat"}, "ls", false, nil, "op: running ls is not granted; add ls to -allow-run"},
	} {
		p := Permissions{Run: tc.list}
		path, err := p.CheckRun("op", tc.prog, tc.shell, tc.env)
		got := ""
		if err != nil {
			got = err.Error()
		} else if path != sh && tc.prog != "ls" {
			t.Errorf("%q, %s: path %q, want %q", tc.list, tc.prog, path, sh)
		}
		if got != tc.want {
			t.Errorf("%q, %s: got %q, want %q", tc.list, tc.prog, got, tc.want)
		}
	}
}

// TestCheckRunResolvesOnce: a granted relative program is resolved against
// the interpreter's working folder when it is checked, to an absolute
// path, which is what runs whatever cwd= the script gives.
func TestCheckRunResolvesOnce(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "tool"), []byte("#!/bin/sh\n"), 0o755)
	t.Chdir(dir)
	p := Permissions{Run: []string{"./tool"}}
	path, err := p.CheckRun("op", "./tool", false, nil)
	if err != nil || path != filepath.Join(dir, "tool") {
		t.Errorf("got %q, %v; want %q", path, err, filepath.Join(dir, "tool"))
	}
}
