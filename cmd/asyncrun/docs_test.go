package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestDocExamples runs every example of README.md and doc/*.md, so that the
// documents stay true. Fenced blocks are read by their info string:
//
//   - ```python or ```starlark: a whole script, run by the CLI with
//     -virtual-time; it must exit with status 0, or N given "status=N".
//     "file=NAME" names the script (as tracebacks show it); "args=A,B"
//     adds flags before it.
//   - ```python cpython: a Python 3.11 program, run by python3 when it is
//     on the PATH.
//   - ```output (```stderr): what the scripts since the previous output
//     block or heading print on stdout (stderr), exactly.
//   - ```sh blocks of "$ " lines with a line that starts with
//     "$ asyncrun " or "$ go run ./cmd/asyncrun ": those commands run from
//     the module's root (other commands are not run); the lines after
//     each, up to the next "$ ", are what it prints on stdout then stderr,
//     a line "..." standing for any lines.
//   - ```python no-run (a fragment, or Python that asyncrun does not run)
//     and every other block: not run.
func TestDocExamples(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	docs, _ := filepath.Glob(filepath.Join(root, "doc", "*.md"))
	docs = append([]string{filepath.Join(root, "README.md")}, docs...)
	python, _ := exec.LookPath("python3")
	total := 0
	for _, doc := range docs {
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, doc)
		var pending []docBlock
		flush := func(want, wantErr *string) {
			for _, b := range pending {
				total++
				t.Run(b.name, func(t *testing.T) { b.run(t, root, python, want, wantErr) })
			}
			pending = nil
		}
		for _, b := range fencedBlocks(rel, string(data)) {
			switch {
			case b.heading:
				flush(nil, nil)
			case b.lang == "output":
				flush(&b.text, nil)
			case b.lang == "stderr":
				flush(nil, &b.text)
			case b.lang == "sh" && isSession(b.text):
				total++
				t.Run(b.name, func(t *testing.T) { runSessions(t, root, b.text) })
			case (b.lang == "python" || b.lang == "starlark") && !b.has("no-run"):
				pending = append(pending, b)
			}
		}
		flush(nil, nil)
	}
	if total < 20 {
		t.Errorf("ran %d examples; the documents hold more", total)
	}
}

// A docBlock is a fenced block of a document, or a heading (which ends the
// scripts an output block applies to).
type docBlock struct {
	name    string // doc.md:line
	lang    string
	info    []string // the info string's words after the language
	text    string
	heading bool
}

func (b docBlock) has(word string) bool {
	for _, w := range b.info {
		if w == word {
			return true
		}
	}
	return false
}

func (b docBlock) option(key string) string {
	for _, w := range b.info {
		if v, ok := strings.CutPrefix(w, key+"="); ok {
			return v
		}
	}
	return ""
}

var fence = regexp.MustCompile("^```([^`]*)$")

func fencedBlocks(name, doc string) []docBlock {
	var blocks []docBlock
	lines := strings.Split(doc, "\n")
	for i := 0; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "#") {
			blocks = append(blocks, docBlock{heading: true})
			continue
		}
		m := fence.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		words := strings.Fields(m[1])
		b := docBlock{name: strings.ReplaceAll(name, "/", "_") + ":" + strconv.Itoa(i+1)}
		if len(words) > 0 {
			b.lang, b.info = words[0], words[1:]
		}
		var text strings.Builder
		for i++; i < len(lines) && lines[i] != "```"; i++ {
			text.WriteString(lines[i] + "\n")
		}
		b.text = text.String()
		blocks = append(blocks, b)
	}
	return blocks
}

func (b docBlock) run(t *testing.T, root, python string, want, wantErr *string) {
	dir := t.TempDir()
	file := b.option("file")
	if file == "" {
		file = "example.star"
	}
	if err := os.WriteFile(filepath.Join(dir, file), []byte(b.text), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if b.has("cpython") {
		if python == "" {
			t.Skip("python3 is not on the PATH: the CPython side is not run")
		}
		cmd := exec.Command(python, file)
		cmd.Dir, cmd.Stdout, cmd.Stderr = dir, &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("python3: %v\n%s", err, stderr.String())
		}
	} else {
		args := []string{"-virtual-time"}
		if a := b.option("args"); a != "" {
			args = append(args, strings.Split(a, ",")...)
		}
		for _, a := range args {
			if prog, ok := strings.CutPrefix(a, "-allow-run="); ok {
				if runtime.GOOS == "windows" {
					t.Skip("asyncrun runs no programs on Windows")
				}
				if _, err := exec.LookPath(prog); err != nil {
					t.Skipf("%s is not on the PATH", prog)
				}
			}
		}
		wd, _ := os.Getwd()
		os.Chdir(dir)
		defer os.Chdir(wd)
		wantStatus := 0
		if st := b.option("status"); st != "" {
			wantStatus, _ = strconv.Atoi(st)
		}
		if status := run(append(args, file), strings.NewReader(""), &stdout, &stderr); status != wantStatus {
			t.Fatalf("status %d, want %d\nstdout:\n%s\nstderr:\n%s", status, wantStatus, stdout.String(), stderr.String())
		}
	}
	if want != nil && stdout.String() != *want {
		t.Errorf("stdout: got\n%s\nthe document shows\n%s", stdout.String(), *want)
	}
	if wantErr != nil && stderr.String() != *wantErr {
		t.Errorf("stderr: got\n%s\nthe document shows\n%s", stderr.String(), *wantErr)
	}
}

var sessionPrefixes = []string{"$ asyncrun ", "$ go run ./cmd/asyncrun "}

func sessionArgs(line string) ([]string, bool) {
	for _, p := range sessionPrefixes {
		if rest, ok := strings.CutPrefix(line, p); ok {
			rest, _, _ = strings.Cut(rest, " #") // a comment
			return strings.Fields(rest), true
		}
	}
	return nil, false
}

func isSession(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		if _, ok := sessionArgs(line); ok {
			return true
		}
	}
	return false
}

// runSessions runs each command of a shell transcript and matches what it
// prints against the lines the transcript shows.
func runSessions(t *testing.T, root, text string) {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	for i := 0; i < len(lines); {
		args, ok := sessionArgs(lines[i])
		if !ok { // another command (go test, go install): not run
			for i++; i < len(lines) && !strings.HasPrefix(lines[i], "$ "); i++ {
			}
			continue
		}
		var pattern strings.Builder
		pattern.WriteString(`^`)
		for i++; i < len(lines) && !strings.HasPrefix(lines[i], "$ "); i++ {
			if strings.TrimSpace(lines[i]) == "..." {
				pattern.WriteString(`(?:.*\n)*`)
			} else {
				pattern.WriteString(regexp.QuoteMeta(lines[i]) + `\n`)
			}
		}
		pattern.WriteString(`$`)
		wd, _ := os.Getwd()
		os.Chdir(root)
		var stdout, stderr bytes.Buffer
		run(args, strings.NewReader(""), &stdout, &stderr)
		os.Chdir(wd)
		got := stdout.String() + stderr.String()
		if !regexp.MustCompile(pattern.String()).MatchString(got) {
			t.Errorf("asyncrun %s printed\n%s\nthe document shows another text (pattern %s)", strings.Join(args, " "), got, pattern.String())
		}
	}
}

// TestDocLinks checks that the links between README.md and doc/*.md point
// to files that exist and, with a #fragment, to a heading of them (as
// GitHub names a heading's anchor).
func TestDocLinks(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	docs, _ := filepath.Glob(filepath.Join(root, "doc", "*.md"))
	docs = append(docs, filepath.Join(root, "README.md"))
	link := regexp.MustCompile(`\]\(([^)#:]*)(#[^)]*)?\)`)
	for _, doc := range docs {
		data, _ := os.ReadFile(doc)
		for _, m := range link.FindAllStringSubmatch(string(data), -1) {
			target := doc
			if m[1] != "" {
				target = filepath.Join(filepath.Dir(doc), m[1])
			}
			text, err := os.ReadFile(target)
			if err != nil {
				t.Errorf("%s: link to %s: %v", filepath.Base(doc), m[1], err)
				continue
			}
			if m[2] != "" && !hasAnchor(string(text), m[2][1:]) {
				t.Errorf("%s: link to %s%s: no such heading", filepath.Base(doc), m[1], m[2])
			}
		}
	}
}

func hasAnchor(doc, anchor string) bool {
	for _, line := range strings.Split(doc, "\n") {
		if h, ok := strings.CutPrefix(line, "#"); ok {
			h = strings.ToLower(strings.TrimLeft(h, "# "))
			var slug strings.Builder
			for _, r := range h {
				switch {
				case r == ' ':
					slug.WriteRune('-')
				case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
					slug.WriteRune(r)
				}
			}
			if slug.String() == anchor {
				return true
			}
		}
	}
	return false
}
