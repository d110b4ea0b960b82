package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const miniPetrarch = "../../dict/testdata/petrarch/mini"

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDictImportToTSV(t *testing.T) {
	out := t.TempDir()
	_, errs, code := runSub(t, (*Main).runDict, "import", "--format", "petrarch", "-o", out, miniPetrarch)
	// the fixture holds an undefined synset and marker: reported, the
	// rest imported, exit 1
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	for _, want := range []string{
		filepath.Join(miniPetrarch, "mini.verbs.txt") + ":27: undefined synset &NOSUCH\n",
		filepath.Join(miniPetrarch, "mini.agents.txt") + ":8: substitution marker !MARK! is not defined above\n",
		"warning: " + filepath.Join(miniPetrarch, "mini.actors.txt") + ":8: not written: organisation \"Boromir\": code \"---\"",
		"dict import: 18 entries (2 person, 6 org, 5 country, 5 agent), 20 patterns, 3 discards, 2 issues to " + out + "\n",
		"dict import: 2 lines could not be read (listed above)\n",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	pats := readFile(t, filepath.Join(out, "patterns.tsv"))
	if !strings.Contains(pats, "903\t*abandon/v new _ military|militaries|economic _ relations\tpetrarch\n") {
		t.Errorf("patterns.tsv:\n%s", pats)
	}
	// what was written codes: read it back through the code path's loader
	_, errs, code = runSub(t, (*Main).runDict, "lint", out)
	if code == exitUsage || strings.Contains(errs, "unreadable") {
		t.Errorf("the imported TSV does not read back: exit %d\n%s", code, errs)
	}
}

func TestDictImportFilesCleanExitsZero(t *testing.T) {
	dir := t.TempDir()
	actors := filepath.Join(dir, "arda.actors.txt")
	os.WriteFile(actors, []byte("ARNOR [ARN]\nGONDOR [GON]\n"), 0o644)
	out := filepath.Join(dir, "out")
	_, errs, code := runSub(t, (*Main).runDict, "import", "-o", out, actors)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errs)
	}
	if got := readFile(t, filepath.Join(out, "countries.tsv")); !strings.Contains(got, "ARN\tArnor\n") || !strings.Contains(got, "GON\tGondor\n") {
		t.Errorf("countries.tsv:\n%s", got)
	}
	if !strings.Contains(errs, "dict import: 2 entries (2 country), 0 patterns to "+out) {
		t.Errorf("summary:\n%s", errs)
	}
}

func TestDictImportBadFiles(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "x.actors.txt")
	os.WriteFile(bad, []byte("ARNOR [ARN]\nGONDOR [GON\nROHAN [ROH]\n"), 0o644)
	odd := filepath.Join(dir, "notes.txt")
	os.WriteFile(odd, []byte("hello\n"), 0o644)
	out := filepath.Join(dir, "out")
	_, errs, code := runSub(t, (*Main).runDict, "import", "-o", out, bad, odd, filepath.Join(dir, "missing.verbs.txt"))
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	for _, want := range []string{bad + ":2: ", odd + ": cannot tell the dictionary kind", "missing.verbs.txt"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if got := readFile(t, filepath.Join(out, "countries.tsv")); !strings.Contains(got, "ROH\tRohan") {
		t.Errorf("the line after the bad one was not imported:\n%s", got)
	}
}

func TestDictImportPetrarchRoundTrip(t *testing.T) {
	dir := t.TempDir()
	one, two := filepath.Join(dir, "one"), filepath.Join(dir, "two")
	runSub(t, (*Main).runDict, "import", "--to", "petrarch", "-o", one, miniPetrarch)
	_, errs, _ := runSub(t, (*Main).runDict, "import", "--to", "petrarch", "-o", two, one)
	ents, _ := os.ReadDir(one)
	if len(ents) < 6 {
		t.Fatalf("wrote %d files:\n%s", len(ents), errs)
	}
	for _, e := range ents {
		a := readFile(t, filepath.Join(one, e.Name()))
		b := readFile(t, filepath.Join(two, e.Name()))
		if a != b {
			t.Errorf("%s changed on a second round trip", e.Name())
		}
	}
	if got := readFile(t, filepath.Join(one, "mini.verbs.txt")); !strings.Contains(got, "- + * WITH $") || !strings.Contains(got, "[042:043]") {
		t.Errorf("verbs written back:\n%s", got)
	}
}

func TestDictExport(t *testing.T) {
	dir := t.TempDir()
	tsv, pet := filepath.Join(dir, "tsv"), filepath.Join(dir, "pet")
	if _, errs, code := runSub(t, (*Main).runDict, "export", "-o", tsv); code != 0 {
		t.Fatalf("export tsv: exit %d\n%s", code, errs)
	}
	for _, f := range []string{"countries.tsv", "actors.tsv", "agents.tsv", "people.tsv", "patterns.tsv", "intent.tsv"} {
		if _, err := os.Stat(filepath.Join(tsv, f)); err != nil {
			t.Errorf("export tsv: %v", err)
		}
	}
	if got := readFile(t, filepath.Join(tsv, "patterns.tsv")); !strings.Contains(got, "\n020\t*urge +\n") {
		t.Errorf("patterns.tsv lacks the default's 020 *urge +")
	}
	if _, errs, code := runSub(t, (*Main).runDict, "export", "--format", "petrarch", "-o", pet); code != 0 {
		t.Fatalf("export petrarch: exit %d\n%s", code, errs)
	}
	if got := readFile(t, filepath.Join(pet, "PETR_config.ini")); !strings.Contains(got, "verbfile_name = dyad.verbs.txt") {
		t.Errorf("PETR_config.ini:\n%s", got)
	}
	// the export imports again
	back := filepath.Join(dir, "back")
	if _, errs, code := runSub(t, (*Main).runDict, "import", "-o", back, pet); code != 0 {
		t.Errorf("importing the export: exit %d\n%s", code, errs)
	}
	// --dict-only with a PETRARCH folder exports that folder alone
	only := filepath.Join(dir, "only")
	if _, errs, code := runSub(t, (*Main).runDict, "export", "--dict", miniPetrarch, "--dict-only", "-o", only); code != 0 {
		t.Fatalf("export --dict-only: exit %d\n%s", code, errs)
	} else if !strings.Contains(errs, "warning: ") || !strings.Contains(errs, "dict export: 18 entries") {
		t.Errorf("export --dict-only: stderr\n%s", errs)
	}
}

func TestDictLint(t *testing.T) {
	out, errs, code := runSub(t, (*Main).runDict, "lint", "--actor-codes", miniPetrarch)
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	for _, want := range []string{
		filepath.Join(miniPetrarch, "mini.verbs.txt") + ":27: never matches: pattern \"* &NOSUCH\": synset &NOSUCH is not defined",
		filepath.Join(miniPetrarch, "mini.verbs.txt") + ":14: unknown code: pattern \"* NEW_&TIETYPES_RELATIONS\": event code 903 is not in the table",
		filepath.Join(miniPetrarch, "mini.actors.txt") + ":2: unknown code: actor \"ARNOR_\": code ARN is not in the table",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("findings lack %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "dict lint: ") || !strings.Contains(errs, "unknown code") {
		t.Errorf("no summary:\n%s", errs)
	}
	// event codes only, by default
	out, _, _ = runSub(t, (*Main).runDict, "lint", miniPetrarch)
	if strings.Contains(out, "code ARN is not in the table") || !strings.Contains(out, "event code 903") {
		t.Errorf("without --actor-codes: actor codes checked or event codes not:\n%s", out)
	}
	// a clean dyad folder
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "actors.tsv"), []byte("RUSGOV\tKremlin\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "patterns.tsv"), []byte("040\t*meet with +\n"), 0o644)
	out, errs, code = runSub(t, (*Main).runDict, "lint", dir)
	if code != 0 || out != "" || !strings.Contains(errs, "no findings") {
		t.Errorf("clean folder: exit %d\n%s\n%s", code, out, errs)
	}
	// and one with problems
	os.WriteFile(filepath.Join(dir, "patterns.tsv"), []byte("040\t*meet with +\n041\t*meet with +\n999\t*cheer\n"), 0o644)
	out, _, code = runSub(t, (*Main).runDict, "lint", dir)
	for _, want := range []string{"patterns.tsv:2: conflict:", "patterns.tsv:2: never matches:", "patterns.tsv:3: unknown code: pattern \"*cheer\": event code 999"} {
		if !strings.Contains(out, want) {
			t.Errorf("findings lack %q:\n%s", want, out)
		}
	}
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
}

func TestDictUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{},
		{"nosuch"},
		{"import", miniPetrarch}, // no -o
		{"import", "-o", dir},    // no input
		{"import", "--format", "tabari", "-o", dir, "x"},    // unknown format
		{"import", "--to", "xml", "-o", dir, miniPetrarch},  // unknown output
		{"import", "-o", dir, miniPetrarch, "x.actors.txt"}, // a folder among files
		{"export"}, // no -o
		{"export", "--format", "xml", "-o", dir},
		{"export", "--dict-only", "-o", dir},
		{"export", "-o", dir, "extra"},
		{"lint"},
	} {
		if _, errs, code := runSub(t, (*Main).runDict, args...); code != exitUsage {
			t.Errorf("dyad dict %v: exit %d, want %d\n%s", args, code, exitUsage, errs)
		}
	}
	if _, _, code := runSub(t, (*Main).runDict, "-h"); code != 0 {
		t.Errorf("dyad dict -h: exit %d", code)
	}
}

// TestDictImportSharedProduction imports the full PETRARCH2 production
// set from ../shared: every file read, the few broken lines reported.
func TestDictImportSharedProduction(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "dictionaries", "petrarch2")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing: %v", dir, err)
		}
		t.Skip(err)
	}
	out := t.TempDir()
	_, errs, code := runSub(t, (*Main).runDict, "import", "-o", out, dir)
	if code != exitFailure || !strings.Contains(errs, "dict import: 38 lines could not be read") {
		t.Errorf("exit %d, stderr tail:\n%s", code, errs[max(0, len(errs)-600):])
	}
	if !strings.Contains(errs, "9285 patterns, 506 discards, 3170 issues") {
		t.Errorf("summary:\n%s", errs[max(0, len(errs)-600):])
	}
}

// TestDefaultDictionaryLintsClean: the embedded dictionary has no
// duplicate, conflicting or unmatchable pattern and no unknown code.
func TestDefaultDictionaryLintsClean(t *testing.T) {
	out, errs, code := runSub(t, (*Main).runDict, "lint", "--actor-codes", filepath.Join("..", "..", "dict", "data"))
	if code != 0 || out != "" {
		t.Errorf("dict/data: exit %d\n%s%s", code, out, errs)
	}
}
