package aio

import (
	"os/exec"
	"path/filepath"
	"strings"
)

// CheckRun returns the absolute path of the program that running prog
// starts, if the permissions grant running it with the environment env
// (nil: the interpreter's own, inherited). shell says that prog runs a
// shell command, for the error's text.
//
// The path is resolved once, here, in the interpreter's frame: a name
// through the host's PATH (not env's), a relative path against the
// interpreter's working folder (not the child's cwd=). That path is what
// runs, so a grant of "./tool" cannot run another folder's tool and a
// script's PATH cannot swap "echo" for its own. It is "" (with a nil
// error) when a granted program is not found.
//
// Unless the grant is unrestricted (an empty Run), env may not set a
// variable that makes the dynamic loader load code (LD_*, DYLD_*, as
// LD_PRELOAD does): a list of programs grants those programs, not any
// library the script could write and preload into them.
func (p *Permissions) CheckRun(op, prog string, shell bool, env []string) (string, error) {
	if p.Run == nil {
		return "", &PermissionError{Op: op, What: "running programs", Hint: "run with -allow-run"}
	}
	path := lookPath(prog)
	if len(p.Run) == 0 {
		return path, nil
	}
	granted := false
	for _, e := range p.Run {
		if e == prog || samePath(lookPath(e), path) {
			granted = true
			break
		}
	}
	if !granted {
		what := "running " + prog
		if shell {
			what += " (the shell)"
		}
		return "", &PermissionError{Op: op, What: what, Hint: "add " + prog + " to -allow-run"}
	}
	if name := loaderVar(env); name != "" {
		return "", &PermissionError{Op: op, What: "setting " + name + " in env=", Hint: "the dynamic loader's variables (LD_*, DYLD_*) need -allow-run without a list"}
	}
	return path, nil
}

// loaderVar returns the name of the first variable of env that the
// dynamic loader reads (LD_*, DYLD_*), or "".
func loaderVar(env []string) string {
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if u := strings.ToUpper(name); strings.HasPrefix(u, "LD_") || strings.HasPrefix(u, "DYLD_") {
			return name
		}
	}
	return ""
}

// lookPath returns the absolute path of the program name, found as the
// host finds it (its PATH, its working folder), or "".
func lookPath(name string) string {
	path, err := exec.LookPath(name)
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	return abs
}

func samePath(a, b string) bool { return a != "" && a == b }
