package interp_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/interp"
)

// chunk is one program of a chunked bad-input file: its text, and the
// line and regexp of its ### "regexp" comment.
type chunk struct {
	src  string
	line int // of the ### comment, from 1 in the chunk
	want *regexp.Regexp
}

var wantErr = regexp.MustCompile(`### "(.*)"\s*$`)

// readChunks reads a file of chunks split by lines "---" (the style of
// go.starlark.net's resolve/testdata).
func readChunks(t *testing.T, path string) []chunk {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []chunk
	for _, text := range strings.Split(string(data), "\n---\n") {
		c := chunk{src: text}
		// The line is checked unless the regexp gives it (":3:5: ...").
		for i, line := range strings.Split(text, "\n") {
			if m := wantErr.FindStringSubmatch(line); m != nil {
				c.line, c.want = i+1, regexp.MustCompile(m[1])
			}
		}
		if c.want == nil {
			t.Fatalf("%s: a chunk has no ### comment:\n%s", path, text)
		}
		out = append(out, c)
	}
	return out
}

// TestSyntaxErrors: every piece of Python syntax that asyncrun cannot take
// is a compile error at the place the user wrote it, naming the spelling
// that works.
func TestSyntaxErrors(t *testing.T) {
	for i, c := range readChunks(t, "testdata/syntax/errors.star") {
		_, err := interp.Compile("errors.star", c.src)
		if err == nil {
			t.Errorf("chunk %d compiled; want error %q\n%s", i, c.want, c.src)
			continue
		}
		msg := err.Error()
		if !c.want.MatchString(msg) {
			t.Errorf("chunk %d: got error %q, want %q\n%s", i, msg, c.want, c.src)
		}
		if at := "errors.star:" + strconv.Itoa(c.line) + ":"; !strings.HasPrefix(msg, at) && !strings.HasPrefix(c.want.String(), ":") {
			t.Errorf("chunk %d: got error %q, want it at %s", i, msg, at)
		}
	}
}
