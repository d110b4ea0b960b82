package coder_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/text"
)

// devArticles reads the Wikinews dev articles the README's speed figures
// are measured on, with their total size and number of sentences.
func devArticles(b *testing.B) (arts []*dyad.Article, size int64, sentences int) {
	b.Helper()
	files, _ := filepath.Glob("../testdata/wikinews_dev/*.txt")
	if len(files) == 0 {
		b.Fatal("no articles in ../testdata/wikinews_dev")
	}
	for _, f := range files {
		a := readArticle(b, f)
		arts = append(arts, a)
		size += int64(len(a.Raw))
		sentences += len(text.Sentences(a))
	}
	return arts, size, sentences
}

// BenchmarkPipeline codes every dev article from its bytes: the whole
// analysis and the coder, on one goroutine, so sentences/s is per core.
func BenchmarkPipeline(b *testing.B) {
	p := pipeline(b)
	arts, size, sentences := devArticles(b)
	b.SetBytes(size)
	b.ReportAllocs()
	events := 0
	for b.Loop() {
		for _, a := range arts {
			events += len(p.Code(a))
		}
	}
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}

// BenchmarkCoderOnly codes documents analysed beforehand: the coder's own
// cost (actors, patterns, modality, dates), without the language analysis.
func BenchmarkCoderOnly(b *testing.B) {
	p := pipeline(b)
	arts, size, sentences := devArticles(b)
	docs := make([]*dyad.Document, len(arts))
	for i, a := range arts {
		docs[i] = p.Analyzer.Analyze(a)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	events := 0
	for b.Loop() {
		for _, d := range docs {
			events += len(p.Coder.Code(d))
		}
	}
	if events == 0 {
		b.Fatal("no events coded: the benchmark would measure nothing")
	}
	b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}

// BenchmarkLoadPipeline builds the default dictionary and loads the
// tagger and CAMEO tables: what every dyad command pays once at start.
// It cannot use pipeline(b), which loads once for all tests.
func BenchmarkLoadPipeline(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d, err := dict.Default(dict.Options{Tokenize: text.Words})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := coder.NewPipeline(d); err != nil {
			b.Fatal(err)
		}
	}
}

// petrarchProduction returns the PETRARCH2 production dictionaries in
// ../shared; it skips the benchmark when they are missing, except under
// CI=true, where it fails.
func petrarchProduction(b *testing.B) string {
	b.Helper()
	dir := "../../shared/dictionaries/petrarch2"
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			b.Fatalf("PETRARCH2 production dictionaries missing under CI: %v", err)
		}
		b.Skip("../shared not present")
	}
	return dir
}

// BenchmarkPipelinePetrarchProduction codes the WCEP sample (300 news
// items, 643 sentences; testdata/wcep) from its bytes on one goroutine, so
// sentences/s is per core: "default" with dyad's own dictionary, for
// comparison; "layered" with the PETRARCH2 production dictionaries over it
// (`dyad code --dict DIR`); "dict-only" with them alone (`--dict-only`).
// Loading is not timed (BenchmarkLoadPetrarchProduction in package dict
// measures it).
func BenchmarkPipelinePetrarchProduction(b *testing.B) {
	dir := petrarchProduction(b)
	arts := wcepArticles(b)
	var size int64
	sentences := 0
	for _, a := range arts {
		size += int64(len(a.Raw))
		sentences += len(text.Sentences(a))
	}
	for _, bc := range []struct {
		name string
		dirs []string
		only bool
	}{{"default", nil, false}, {"layered", []string{dir}, false}, {"dict-only", []string{dir}, true}} {
		b.Run(bc.name, func(b *testing.B) {
			d, _, err := dict.LoadDirs(dict.Options{Tokenize: text.Words}, bc.dirs, bc.only)
			if err != nil {
				b.Fatal(err)
			}
			p, err := coder.NewPipeline(d)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(size)
			b.ReportAllocs()
			events := 0
			for b.Loop() {
				for _, a := range arts {
					events += len(p.Code(a))
				}
			}
			if events == 0 {
				b.Fatal("no events coded: the benchmark would measure nothing")
			}
			b.ReportMetric(float64(sentences*b.N)/b.Elapsed().Seconds(), "sentences/s")
			b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "items/s")
			b.ReportMetric(float64(events)/float64(b.N), "events/op")
		})
	}
}
