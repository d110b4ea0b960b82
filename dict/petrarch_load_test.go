package dict_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/text"
)

// sharedDictionaries returns ../shared/dictionaries/NAME from the repo
// root; it skips the test when the folder is missing, except in CI.
func sharedDictionaries(tb testing.TB, name string) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "shared", "dictionaries", name)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%s is missing: %v", dir, err)
		}
		tb.Skipf("%s is missing", dir)
	}
	return dir
}

// TestPetrarchProductionLoad loads the full PETRARCH2 production
// dictionaries through LoadDirs and checks what comes out. Its speed (the
// requirement is under 2 s) is measured by BenchmarkLoadPetrarchProduction,
// not asserted here: a timed test fails on a loaded CI machine.
func TestPetrarchProductionLoad(t *testing.T) {
	dir := sharedDictionaries(t, "petrarch2")
	start := time.Now()
	d, warns, err := dict.LoadDirs(dict.Options{Tokenize: text.Words}, []string{dir}, true)
	took := time.Since(start)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	t.Logf("loaded %s in %v: %d entries, %d patterns, %d discards, %d issues, %d warnings",
		dir, took, len(d.Entries()), d.Patterns.Len(), len(d.Discards()), len(d.Issues()), len(warns))
	if len(d.Entries()) < 29000 || d.Patterns.Len() < 9000 || len(d.Discards()) < 400 || len(d.Issues()) < 100 {
		t.Errorf("too little loaded")
	}
}

// BenchmarkLoadPetrarchProduction measures building a dictionary from the
// PETRARCH2 production folder (the issue asks for under 2 s): "dict-only"
// as `dyad code --dict-only --dict DIR` (the folder alone), "layered" as
// `dyad code --dict DIR` (over the embedded default). Files are read from
// disk on every iteration, so the page cache holds them after the first.
func BenchmarkLoadPetrarchProduction(b *testing.B) {
	dir := sharedDictionaries(b, "petrarch2")
	for _, bc := range []struct {
		name string
		only bool
	}{{"dict-only", true}, {"layered", false}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := dict.LoadDirs(dict.Options{Tokenize: text.Words}, []string{dir}, bc.only); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
