package coder_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/text"
)

var update = flag.Bool("update", false, "rewrite the golden event files in testdata/golden")

var (
	pipeOnce sync.Once
	pipe     *coder.Pipeline
	pipeErr  error
)

// pipeline loads the default dictionary and models once for all tests.
func pipeline(t testing.TB) *coder.Pipeline {
	t.Helper()
	pipeOnce.Do(func() {
		var d *dict.Dictionary
		d, pipeErr = dict.Default(dict.Options{Tokenize: text.Words})
		if pipeErr == nil {
			pipe, pipeErr = coder.NewPipeline(d)
		}
	})
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

func readArticle(t testing.TB, path string) *dyad.Article {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ingest.ParseArticle(strings.TrimSuffix(filepath.Base(path), ".txt"), path, raw)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// checkProvenance asserts that every span of an event gives its text from
// the article's bytes.
func checkProvenance(t *testing.T, a *dyad.Article, e dyad.Event) {
	t.Helper()
	if got := a.Text(e.Sentence.Span); got != e.Sentence.Text || got == "" {
		t.Errorf("%s: sentence bytes %d-%d = %q, want %q", a.ID, e.Sentence.Start, e.Sentence.End, got, e.Sentence.Text)
	}
	if got := a.Text(e.Evidence.Span); got != e.Evidence.Text || got == "" {
		t.Errorf("%s: evidence bytes = %q, want %q", a.ID, got, e.Evidence.Text)
	}
	if !e.Sentence.Span.Contains(e.Evidence.Span) {
		t.Errorf("%s: evidence %v outside its sentence %v", a.ID, e.Evidence.Span, e.Sentence.Span)
	}
	for _, ac := range []*dyad.EventActor{e.Source, e.Target} {
		if ac == nil || ac.Span == nil {
			continue
		}
		if got := a.Text(*ac.Span); got != ac.Text {
			t.Errorf("%s: actor bytes = %q, want %q", a.ID, got, ac.Text)
		}
	}
	if e.Source == nil || len(e.Source.Code) < 3 {
		t.Errorf("%s: event without a coded source: %+v", a.ID, e)
	}
	if e.Root != e.CAMEO[:2] || e.Quad < 1 || e.Quad > 4 || !e.Modality.Valid() {
		t.Errorf("%s: inconsistent codes: root %s cameo %s quad %d modality %q", a.ID, e.Root, e.CAMEO, e.Quad, e.Modality)
	}
}

// TestGolden codes the Wikinews dev articles and compares the events with
// reviewed golden files (go test ./coder -update rewrites them).
func TestGolden(t *testing.T) {
	p := pipeline(t)
	files, _ := filepath.Glob("../testdata/wikinews_dev/*.txt")
	if len(files) == 0 {
		t.Fatal("no test articles")
	}
	for _, f := range files {
		a := readArticle(t, f)
		t.Run(a.ID, func(t *testing.T) {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			for _, e := range p.Code(a) {
				checkProvenance(t, a, e)
				if err := enc.Encode(e); err != nil {
					t.Fatal(err)
				}
			}
			golden := filepath.Join("testdata", "golden", a.ID+".jsonl")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./coder -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("events of %s differ from %s:\n got:\n%s\nwant:\n%s", a.ID, golden, buf.String(), want)
			}
		})
	}
}

// score codes the articles and scores them with the Go referee.
func score(t *testing.T, goldPaths []string, articles []string) eval.Summary {
	t.Helper()
	p := pipeline(t)
	gold, err := eval.LoadGold(goldPaths...)
	if err != nil {
		t.Fatal(err)
	}
	events := eval.Events{}
	for _, f := range articles {
		a := readArticle(t, f)
		for _, e := range p.Code(a) {
			checkProvenance(t, a, e)
			ev, err := eval.NewEvent(&e)
			if err != nil {
				t.Fatal(err)
			}
			events.Add(ev)
		}
	}
	rep, err := eval.Score(gold, events)
	if err != nil {
		t.Fatal(err)
	}
	return rep.Summary
}

// TestAccuracyWikinews guards the coder's accuracy on the Wikinews dev set
// (the development set the coder is tuned on): a floor just below the
// current figures, so a regression fails.
func TestAccuracyWikinews(t *testing.T) {
	files, _ := filepath.Glob("../testdata/wikinews_dev/*.txt")
	s := score(t, []string{"../testdata/wikinews_dev"}, files)
	t.Logf("wikinews_dev: P=%.3f R=%.3f F1=%.3f tp=%d fp=%d dates %d/%d", s.Precision, s.Recall, s.F1, s.TP, s.FP, s.DateOK, s.DateN)
	if s.F1 < 0.5 || s.Precision < 0.8 {
		t.Errorf("wikinews_dev F1 %.3f precision %.3f, want ≥ 0.5 and ≥ 0.8", s.F1, s.Precision)
	}
	if s.DateN > 0 && float64(s.DateOK)/float64(s.DateN) < 0.8 {
		t.Errorf("dates right on %d/%d matched dated events, want ≥ 80%%", s.DateOK, s.DateN)
	}
}

// TestAccuracySeed scores the mission's seed article, which the project
// may not redistribute: it is read from ../shared at test time.
func TestAccuracySeed(t *testing.T) {
	seed := "../../shared/seed/000_1feb900e03eedd38.txt"
	if _, err := os.Stat(seed); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("seed article missing under CI: %v", err)
		}
		t.Skip("../shared not present")
	}
	s := score(t, []string{"../../shared/gold/000_1feb900e03eedd38.gold.json"}, []string{seed})
	t.Logf("seed: P=%.3f R=%.3f F1=%.3f agent_ok=%d/%d dates %d/%d", s.Precision, s.Recall, s.F1, s.AgentOK, s.TP, s.DateOK, s.DateN)
	if s.F1 < 0.85 {
		t.Errorf("seed F1 %.3f, want ≥ 0.85", s.F1)
	}
	if s.DateOK != s.DateN {
		t.Errorf("seed dates right on %d/%d matches, want all", s.DateOK, s.DateN)
	}
	if s.TP == 0 || float64(s.AgentOK)/float64(s.TP) < 0.8 {
		t.Errorf("exact actor codes on %d/%d matches, want ≥ 80%%", s.AgentOK, s.TP)
	}
}

// TestAccuracyPlover scores the PLOVER gold-standard dev records with the
// default dictionary. The target of the project's P3 issue is F1 0.65; this
// guards what the coder reaches now against regressions.
func TestAccuracyPlover(t *testing.T) {
	goldDir := "../../shared/gold/plover_gsr_dev"
	if _, err := os.Stat(goldDir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PLOVER records missing under CI: %v", err)
		}
		t.Skip("../shared not present")
	}
	files, _ := filepath.Glob(goldDir + "/*.txt")
	s := score(t, []string{goldDir}, files)
	t.Logf("plover_gsr_dev: P=%.3f R=%.3f F1=%.3f tp=%d fp=%d", s.Precision, s.Recall, s.F1, s.TP, s.FP)
	if s.F1 < 0.47 || s.Precision < 0.55 {
		t.Errorf("plover_gsr_dev F1 %.3f precision %.3f, want ≥ 0.47 and ≥ 0.55", s.F1, s.Precision)
	}
}

// TestAccuracyPetrarchValidation codes the PETRARCH2 validation dev records
// with the validation dictionaries layered over the default, as
// `dyad code --dict ../shared/dictionaries/petrarch2-validation` does.
func TestAccuracyPetrarchValidation(t *testing.T) {
	dictDir := "../../shared/dictionaries/petrarch2-validation"
	goldDir := "../../shared/gold/petrarch_validation_dev"
	if _, err := os.Stat(goldDir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("validation records missing under CI: %v", err)
		}
		t.Skip("../shared not present")
	}
	d, _, err := dict.LoadDirs(dict.Options{Tokenize: text.Words}, []string{dictDir}, false)
	if err != nil {
		t.Fatal(err)
	}
	p, err := coder.NewPipeline(d)
	if err != nil {
		t.Fatal(err)
	}
	gold, err := eval.LoadGold(goldDir)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(goldDir + "/*.txt")
	events := eval.Events{}
	for _, f := range files {
		a := readArticle(t, f)
		for _, e := range p.Code(a) {
			ev, err := eval.NewEvent(&e)
			if err != nil {
				t.Fatal(err)
			}
			events.Add(ev)
		}
	}
	rep, err := eval.Score(gold, events)
	if err != nil {
		t.Fatal(err)
	}
	s := rep.Summary
	exact := float64(s.Exact) / float64(s.Articles)
	t.Logf("petrarch_validation_dev: P=%.3f R=%.3f F1=%.3f exact %d/%d", s.Precision, s.Recall, s.F1, s.Exact, s.Articles)
	if s.F1 < 0.75 || exact < 0.6 {
		t.Errorf("F1 %.3f, exact records %.1f%%; want ≥ 0.75 and ≥ 60%%", s.F1, 100*exact)
	}
}
