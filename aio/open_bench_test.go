package aio

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkOpenGranted: open() of a file in a granted folder, read, close.
func BenchmarkOpenGranted(b *testing.B) {
	dir := b.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("hi\n"), 0o644)
	b.Chdir(dir)
	env := NewEnv(Config{Perm: Permissions{Read: []string{"."}}})
	defer env.Shutdown()
	for b.Loop() {
		f, err := env.Open("open", "a.txt", "r")
		if err != nil {
			b.Fatal(err)
		}
		f.Read(-1)
		f.Close()
	}
}
