package dict_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/dict/petrarch"
	"github.com/dyad-events/dyad/text"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

const miniDir = "testdata/petrarch/mini"

func opts() dict.Options { return dict.Options{Tokenize: text.Words} }

// loadMini imports the test PETRARCH dictionaries alone.
func loadMini(t *testing.T) (*dict.Dictionary, dict.ErrorList) {
	t.Helper()
	b := dict.NewBuilder(opts())
	warns := b.AddAuto(miniDir)
	d, err := b.Build()
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return d, warns
}

// row is a pattern as patterns.tsv writes it: the canonical form the
// conversion is checked in.
func row(t *testing.T, p *dict.Pattern) string {
	t.Helper()
	code, text, flags, err := dict.FormatPattern(p)
	if err != nil {
		t.Fatalf("FormatPattern(%s): %v", p.Origin, err)
	}
	return code + "\t" + text + "\t" + flags
}

func TestPetrarchVerbsConvert(t *testing.T) {
	d, _ := loadMini(t)
	rows := map[string]string{} // row → origin line
	for _, p := range d.Patterns.All() {
		_, line := splitLine(p.Origin)
		rows[row(t, p)] = line
	}
	tests := []struct {
		name, want, line string
	}{
		{"BlockCodeOnBareVerb", "345\t*abandon/v\tpetrarch", "11"},
		{"OwnCodeOnMultiWordVerb", "002\tklm _ nop _ *rst/v\tpetrarch", "12"},
		{"GivenFormsOfMultiWordVerb", "345\t*cordon|cordons|cordoned/v *off\tpetrarch", "13"},
		{"SynsetInAdjacentWords", "903\t*abandon/v new _ military|militaries|economic _ relations\tpetrarch", "14"},
		{"PatternAppliesToOwnCodedVerb", "903\tklm _ nop _ *rst/v new _ military|militaries|economic _ relations\tpetrarch", "14"},
		{"UnderscoreMakesAdjacent", "075\tin _ *abandon/v\tpetrarch", "15"},
		{"BlankBeforeVerbIsLoose", "072\tin *abandon/v\tpetrarch", "16"},
		{"NullBlockCode", "---\t*accord/v\tpetrarch", "19"},
		{"IrregularFormsAsAlternatives", "070\t*give|gave|given|giving/v\tpetrarch", "20"},
		{"TargetBeforeVerbPairedCode", "042:043\t+ *accord|give|gave|given|giving/v with $\tpetrarch", "21"},
		{"ReverseOnlyCode", "---:173\t$ in *accord|give|gave|given|giving/v with +\tpetrarch", "22"},
		{"SynsetPhraseMembersNoPlural", "172\t*accord|give|gave|given|giving/v for embargo|economic_sanctions\tpetrarch", "23"},
		{"PrepAndNounPhraseFlattened", "1722\t*accord|give|gave|given|giving/v to banned parties $\tpetrarch", "24"},
		{"SlashWordAsAlternatives", "0331\t*accord|give|gave|given|giving/v by|with +\tpetrarch", "25"},
		{"CompoundBeforeVerb", "030:030\t% *accord|give|gave|given|giving/v\tpetrarch", "26"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, ok := rows[tt.want]
			if !ok {
				t.Fatalf("no pattern %q among:\n%s", tt.want, strings.Join(keys(rows), "\n"))
			}
			if line != tt.line {
				t.Errorf("pattern %q from line %s, want line %s", tt.want, line, tt.line)
			}
		})
	}
	t.Run("UndefinedSynsetLeftOut", func(t *testing.T) {
		for r := range rows {
			if strings.HasPrefix(r, "999\t") {
				t.Errorf("pattern with an undefined synset imported: %q", r)
			}
		}
	})
	t.Run("BlockWithoutVerbsLeftOut", func(t *testing.T) {
		for r := range rows {
			if strings.HasPrefix(r, "011\t") || strings.HasPrefix(r, "010\t") {
				t.Errorf("pattern of a block without verbs imported: %q", r)
			}
		}
	})
	if got, want := d.Patterns.Len(), 20; got != want {
		t.Errorf("%d patterns, want %d", got, want)
	}
}

func TestPetrarchPatternSemantics(t *testing.T) {
	d, _ := loadMini(t)
	var paired, null, reverseOnly *dict.Pattern
	for _, p := range d.Patterns.All() {
		switch {
		case p.Code == "042" && paired == nil:
			paired = p
		case p.Code == dict.NullCode && p.Reverse == "" && null == nil:
			null = p
		case p.Code == dict.NullCode && p.Reverse == "173":
			reverseOnly = p
		}
	}
	if paired == nil || paired.Reverse != "043" || !paired.HasTarget() || !paired.HasSource() || paired.IsNull() {
		t.Errorf("paired pattern %+v: want code 042, reverse 043, target and source placed", paired)
	}
	if paired != nil && (len(paired.Before) != 1 || paired.Before[0].Kind != dict.Target) {
		t.Errorf("paired pattern: want the target before the verb, got %+v", paired.Before)
	}
	if null == nil || !null.IsNull() {
		t.Errorf("null-coded bare verb %+v: want IsNull", null)
	}
	if reverseOnly == nil || reverseOnly.IsNull() {
		t.Errorf("[:173] pattern %+v: want a reverse event, not a null pattern", reverseOnly)
	}
	// the more specific pattern is tried first, the bare verb last
	ps := d.Patterns.ForLemma("accord")
	if len(ps) == 0 || ps[len(ps)-1].Code != dict.NullCode || len(ps[len(ps)-1].After) != 0 {
		t.Errorf("patterns of accord: the null bare verb should come last, got %d patterns", len(ps))
	}
	for _, w := range []string{"gave", "given", "cordoned"} {
		if len(d.Patterns.ForLemma(w)) == 0 {
			t.Errorf("no pattern indexed under the given form %q", w)
		}
	}
}

func TestPetrarchActorsConvert(t *testing.T) {
	d, warns := loadMini(t)
	tests := []struct {
		name, phrase string
		kind         dict.Kind
		codes        []string // the entries' codes, or a person's code on the day
		day          string
	}{
		{"BareCountryCode", "Arnor", dict.Country, []string{"ARN"}, ""},
		{"SynonymSharesCode", "Arnorian", dict.Country, []string{"ARN"}, ""},
		{"TwoCodesTwoEntries", "the Shire", dict.Country, []string{"FRO", "BIL"}, ""},
		{"NonStateThreeLetterIsOrg", "Red Cross", dict.Org, []string{"NGO"}, ""},
		{"FullCodeIsOrg", "Minas Tirith Government", dict.Org, []string{"GONGOV"}, ""},
		{"NullCodeKept", "Boromir", dict.Org, []string{"---"}, ""},
		{"CodelessRootTakesNextCodes", "U.N.", dict.Org, []string{"IGOUNO"}, ""},
		{"AcronymKeepsCase", "U.N.", dict.Org, []string{"IGOUNO"}, ""},
		{"PersonBeforeFirstPeriod", "Gollum", dict.Person, []string{"HOB"}, "1990-01-01"},
		{"PersonInBetweenPeriod", "Smeagol", dict.Person, []string{"HOBGOV"}, "1999-08-14"},
		{"PersonBetweenEndsDayBefore", "Gollum", dict.Person, []string{"HOBELI"}, "1999-08-15"},
		{"PersonAfterPeriod", "Gollum", dict.Person, []string{"HOBREB"}, "2005-01-01"},
		{"LastUndatedCodeAlwaysWins", "Faramir", dict.Org, []string{"GONGOV"}, ""},
		{"DatedCodeAfterDefault", "Aragorn", dict.Person, []string{"GONGOV"}, "2001-01-01"},
		{"DefaultBeforeDatedCode", "Aragorn", dict.Person, []string{"RNG"}, "1999-12-31"},
		{"FunctionWordsLowerCase", "Prince of Dol Amroth", dict.Country, []string{"DOL"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := d.Lookup(text.Words(tt.phrase))
			var got []string
			for _, e := range es {
				if e.Kind != tt.kind {
					t.Errorf("%q: entry of kind %v, want %v", tt.phrase, e.Kind, tt.kind)
				}
				if tt.day != "" {
					code, _ := e.At(day(tt.day))
					got = append(got, code)
				} else {
					got = append(got, e.Code)
				}
			}
			if !slices.Equal(got, tt.codes) {
				t.Errorf("%q: codes %v, want %v", tt.phrase, got, tt.codes)
			}
		})
	}
	t.Run("LowerCaseNameIsNotMatched", func(t *testing.T) {
		if es := d.Lookup([]string{"gondor"}); len(es) != 0 {
			t.Errorf("lower-case gondor matched %+v: names must be capitalised", es)
		}
	})
	t.Run("NamesDoNotMatchLowerCaseFunctionWordVariants", func(t *testing.T) {
		if es := d.Lookup(text.Words("Prince Of Dol Amroth")); len(es) != 1 {
			t.Errorf("a capitalised function word should still match: %+v", es)
		}
	})
	if len(warns) == 0 {
		t.Error("no warnings for the fixture's undefined synset, marker and block without verbs")
	}
}

func TestPetrarchAgentsConvert(t *testing.T) {
	d, warns := loadMini(t)
	tests := []struct {
		phrase, code string
	}{
		{"governments", "GOV"},       // regular plural
		{"police", "COP"},            // "{}": no plural
		{"attorneys general", "JUD"}, // irregular plural
		{"congressmen", "LEG"},       // substitution set
		{"human rights body", "NGO~"},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			es := d.Lookup(text.Words(tt.phrase))
			if len(es) != 1 || es[0].Kind != dict.Agent || es[0].Code != tt.code {
				t.Fatalf("%q: %+v, want one agent %s", tt.phrase, es, tt.code)
			}
		})
	}
	if es := d.Lookup([]string{"polices"}); len(es) != 0 {
		t.Errorf("polices matched: {} means no plural")
	}
	found := false
	for _, w := range warns {
		found = found || strings.Contains(w.Msg, "!MARK!") && w.Line == 8
	}
	if !found {
		t.Errorf("no warning for the undefined marker at line 8: %v", warns)
	}
}

func TestPetrarchCombineAgent(t *testing.T) {
	tests := []struct{ actor, agent, want string }{
		{"USA", "GOV", "USAGOV"},
		{"USAGOV", "GOV", "USAGOV"}, // PETRARCH2 does not add a code the actor holds
		{"USA", "~GOV", "USAGOV"},
		{"USA", "NGO~", "NGOUSA"},
		{"NGOUSA", "NGO~", "NGOUSA"},
		{"GON", "", "GON"},
	}
	for _, tt := range tests {
		if got := dict.CombineAgent(tt.actor, tt.agent); got != tt.want {
			t.Errorf("CombineAgent(%q, %q) = %q, want %q", tt.actor, tt.agent, got, tt.want)
		}
	}
}

func TestPetrarchDiscardsAndIssues(t *testing.T) {
	d, _ := loadMini(t)
	tests := []struct {
		name, sentence string
		want           string // the discard's text, "" for none
		story          bool
	}{
		{"PhraseInSentence", "It happened months later in Gondor.", "MONTHS LATER", false},
		{"CaseIgnored", "MONTHS LATER they met.", "MONTHS LATER", false},
		{"WordsMustBeConsecutive", "Months passed; later they met.", "", false},
		{"StemMatchesLongerWord", "Typhoons hit Gondor.", "+TYPHOON", true},
		{"ExactWordIsNoStem", "Baseballs flew.", "", false},
		{"ExactWordMatchesItself", "Baseball is played.", "BASEBALL_", false},
		{"StoryDiscardFirst", "Months later a typhoon came.", "+TYPHOON", true},
		{"NothingToDiscard", "Arnor attacked Gondor.", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := d.Discarded(text.Words(tt.sentence))
			got := ""
			if x != nil {
				got = x.Text
			}
			if got != tt.want || x != nil && x.Story != tt.story {
				t.Errorf("Discarded(%q) = %q, want %q (story %v)", tt.sentence, got, tt.want, tt.story)
			}
		})
	}
	is := d.Issues()
	if len(is) != 2 || is[0].Code != "ID_ATROCITY" || is[0].Category != "ID_ATROCITY" || !slices.Contains(is[0].Forms, "ATROCITIES") || is[1].Exclude != 2 {
		t.Errorf("issues %+v", is)
	}
}

func TestPetrarchCodeSegmentsInvalidPeriod(t *testing.T) {
	// a dictionary with only a date-restricted null code: known, coded
	// null in its period and ELI-less (no country) outside it
	src := "ONODOHER\n\t[--- <911226]\n"
	ad, err := petrarch.ReadActors("x.actors.txt", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	b := dict.NewBuilder(opts())
	b.AddPetrarch(&petrarch.Dictionaries{Actors: []*petrarch.ActorDict{ad}}, "")
	d, _ := b.Build()
	es := d.Lookup([]string{"Onodoher"})
	if len(es) != 1 || es[0].Kind != dict.Person {
		t.Fatalf("entries %+v", es)
	}
	for _, tt := range []struct{ day, want string }{{"1990-01-01", "---"}, {"1995-01-01", "---"}} {
		if got, _ := es[0].At(day(tt.day)); got != tt.want {
			t.Errorf("at %s: %s, want %s", tt.day, got, tt.want)
		}
	}
}

// TestPetrarchTSVGolden writes the imported fixture in dyad's TSV format
// and compares it with the golden files (go test -update rewrites them),
// then reads it back: the same patterns and entries must come out, less
// what TSV cannot hold (warned about).
func TestPetrarchTSVGolden(t *testing.T) {
	d, _ := loadMini(t)
	out := t.TempDir()
	warns, err := d.WriteTSV(out)
	if err != nil {
		t.Fatal(err)
	}
	var skipped []string
	for _, w := range warns {
		skipped = append(skipped, w.Msg)
	}
	for _, want := range []string{`organisation "Boromir": code "---"`, `agent "human rights body": code "NGO~"`} {
		found := false
		for _, s := range skipped {
			found = found || strings.Contains(s, want)
		}
		if !found {
			t.Errorf("no warning %q in %q", want, skipped)
		}
	}
	golden := filepath.Join("testdata", "petrarch", "mini.golden")
	files, _ := os.ReadDir(out)
	for _, f := range files {
		got, _ := os.ReadFile(filepath.Join(out, f.Name()))
		gp := filepath.Join(golden, f.Name())
		if *update {
			os.MkdirAll(golden, 0o755)
			if err := os.WriteFile(gp, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(gp)
		if err != nil {
			t.Fatalf("golden %s: %v (run go test -update)", gp, err)
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from %s:\n%s", f.Name(), gp, got)
		}
	}
	b := dict.NewBuilder(opts())
	if w := b.AddAuto(out); len(w) != 0 {
		t.Errorf("warnings reading the TSV back: %v", w)
	}
	back, err := b.Build()
	if err != nil {
		t.Fatalf("reading the TSV back: %v", err)
	}
	var a, c []string
	for _, p := range d.Patterns.All() {
		a = append(a, row(t, p))
	}
	for _, p := range back.Patterns.All() {
		c = append(c, row(t, p))
	}
	if !slices.Equal(a, c) {
		t.Errorf("patterns differ after the TSV round trip:\n%q\n%q", a, c)
	}
	if got, want := len(back.Entries()), len(d.Entries())-len(warns); got != want {
		t.Errorf("%d entries read back, want %d (%d written, %d left out)", got, want, len(d.Entries()), len(warns))
	}
	if got, want := len(back.Discards()), len(d.Discards()); got != want {
		t.Errorf("%d discards read back, want %d", got, want)
	}
	if got, want := len(back.Issues()), len(d.Issues()); got != want || back.Issues()[0].Forms[1] != "ATROCITIES" {
		t.Errorf("issues read back %+v", back.Issues())
	}
	g := back.Lookup([]string{"Gollum"})
	if len(g) != 1 || g[0].Kind != dict.Person {
		t.Fatalf("Gollum read back: %+v", g)
	}
	if code, _ := g[0].At(day("1997-01-01")); code != "HOBGOV" {
		t.Errorf("Gollum in 1997 read back as %s, want HOBGOV", code)
	}
}

// TestPetrarchExportRoundTrip writes dyad's default dictionary in
// PETRARCH's format, reads it back and checks what must survive: codes,
// dated offices, patterns.
func TestPetrarchExportRoundTrip(t *testing.T) {
	d, err := dict.Default(opts())
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	warns, err := d.WritePetrarch(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	if _, err := os.Stat(filepath.Join(out, petrarch.ConfigFile)); err != nil {
		t.Errorf("no configuration written: %v", err)
	}
	back, ws, err := dict.LoadDirs(opts(), []string{out}, true)
	if err != nil || len(ws) != 0 {
		t.Fatalf("reading back: %v %v", err, ws)
	}
	if back.Patterns.Len() < d.Patterns.Len() {
		t.Errorf("%d patterns read back, want at least %d", back.Patterns.Len(), d.Patterns.Len())
	}
	trump := back.Lookup(text.Words("Donald Trump"))
	if len(trump) != 1 {
		t.Fatalf("Donald Trump read back as %+v", trump)
	}
	for date, want := range map[string]string{"2019-10-27": "USAGOV", "2023-05-05": "USAELI", "2025-10-16": "USAGOV"} {
		if got, _ := trump[0].At(day(date)); got != want {
			t.Errorf("Trump at %s read back as %s, want %s", date, got, want)
		}
	}
	for phrase, want := range map[string]string{"Russia": "RUS", "NATO": "IGOWSTNAT", "officials": "GOV"} {
		es := back.Lookup(text.Words(phrase))
		if len(es) == 0 || es[0].Code != want {
			t.Errorf("%s read back as %+v, want %s", phrase, es, want)
		}
	}
	// a dyad pattern's words and target survive
	found := false
	for _, p := range back.Patterns.ForLemma("meet") {
		_, text, _, _ := dict.FormatPattern(p)
		found = found || p.Code == "040" && strings.Contains(text, "with +")
	}
	if !found {
		t.Error("040 *meet with + did not survive the round trip")
	}
}

func TestPetrarchAddAuto(t *testing.T) {
	t.Run("MissingDirIsAnError", func(t *testing.T) {
		b := dict.NewBuilder(opts())
		b.AddAuto(filepath.Join(t.TempDir(), "nope"))
		if _, err := b.Build(); err == nil {
			t.Error("no error for a missing folder")
		}
	})
	t.Run("EmptyDirIsAnError", func(t *testing.T) {
		b := dict.NewBuilder(opts())
		b.AddAuto(t.TempDir())
		if _, err := b.Build(); err == nil {
			t.Error("no error for an empty folder")
		}
	})
	t.Run("NativeDirLoads", func(t *testing.T) {
		b := dict.NewBuilder(opts())
		if w := b.AddAuto("testdata/layer"); len(w) != 0 {
			t.Errorf("warnings %v", w)
		}
		d, err := b.Build()
		if err != nil || len(d.Lookup([]string{"Georgia"})) != 1 {
			t.Errorf("native folder: %v", err)
		}
	})
	t.Run("BadLinesAreWarningsNotErrors", func(t *testing.T) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "x.actors.txt"), []byte("GONDOR [GON]\nBAD [GON\nARNOR [ARN]\n"), 0o644)
		b := dict.NewBuilder(opts())
		w := b.AddAuto(dir)
		d, err := b.Build()
		if err != nil {
			t.Fatalf("a bad line failed the build: %v", err)
		}
		if len(w) != 1 || w[0].Line != 2 || !strings.HasSuffix(w[0].File, "x.actors.txt") {
			t.Errorf("warnings %v, want one at x.actors.txt:2", w)
		}
		if len(d.Lookup([]string{"Arnor"})) != 1 {
			t.Error("the line after the bad one was not read")
		}
	})
	t.Run("OnlyLeavesOutTheDefault", func(t *testing.T) {
		d, _, err := dict.LoadDirs(opts(), []string{miniDir}, true)
		if err != nil {
			t.Fatal(err)
		}
		if es := d.Lookup([]string{"Russia"}); len(es) != 0 {
			t.Errorf("dict-only dictionary knows Russia: %+v", es)
		}
		layered, _, _ := dict.LoadDirs(opts(), []string{miniDir}, false)
		if es := layered.Lookup([]string{"Russia"}); len(es) == 0 {
			t.Error("layered dictionary lost the default's Russia")
		}
		if es := layered.Lookup([]string{"Gondor"}); len(es) != 1 {
			t.Error("layered dictionary lacks the layer's Gondor")
		}
	})
}

func TestDictParsePatternRow(t *testing.T) {
	tests := []struct {
		name string
		cols []string
		ok   bool
		want string // FormatPattern row when ok
	}{
		{"NativeUnchanged", []string{"040", "*meet with +", "sym"}, true, "040\t*meet with +\tsym"},
		{"NativeBeforeWordsAdjacent", []string{"111", "verbal *attack/n on|against +"}, true, "111\tverbal *attack/n on|against +\t"},
		{"NativeTargetBeforeAnchorRefused", []string{"040", "+ *meet"}, false, ""},
		{"NativeLetterCodeRefused", []string{"075A", "*accord"}, false, ""},
		{"NativeNullCodeRefused", []string{"---", "*accord"}, false, ""},
		{"PetrarchTargetBeforeAnchor", []string{"042", "+ *meet with $", "petrarch"}, true, "042\t+ *meet with $\tpetrarch"},
		{"PetrarchWEISCode", []string{"075A", "in *accord", "petrarch"}, true, "075A\tin *accord\tpetrarch"},
		{"PetrarchPairedCode", []string{"032:033", "*leave for +", "petrarch"}, true, "032:033\t*leave for +\tpetrarch"},
		{"PetrarchReverseOnly", []string{":173", "*appear before +", "petrarch"}, true, "---:173\t*appear before +\tpetrarch"},
		{"PetrarchAdjacency", []string{"075", "in _ *accord _ with +", "petrarch"}, true, "075\tin _ *accord _ with +\tpetrarch"},
		{"PhraseAlternatives", []string{"172", "*ask for economic_sanctions|embargo"}, true, "172\t*ask for embargo|economic_sanctions\t"},
		{"CompoundNeedsPetrarch", []string{"030", "% *agree"}, false, ""},
		{"UnderscoreAtEdge", []string{"040", "_ *meet"}, false, ""},
		{"DoubleUnderscore", []string{"040", "*meet _ _ with"}, false, ""},
		{"UnknownFlag", []string{"040", "*meet", "loud"}, false, ""},
		{"EmptyPairedCode", []string{"042:", "*meet", "petrarch"}, false, ""},
		{"TwoTargets", []string{"042", "+ *meet +", "petrarch"}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := dict.ParsePatternRow(tt.cols)
			if (err == nil) != tt.ok {
				t.Fatalf("ParsePatternRow(%q) error = %v, want ok=%v", tt.cols, err, tt.ok)
			}
			if !tt.ok {
				return
			}
			if got := row(t, p); got != tt.want {
				t.Errorf("row = %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("NativeBeforeIsAdjacent", func(t *testing.T) {
		p, _ := dict.ParsePattern("111", "verbal *attack")
		if !p.Before[0].Adjacent || p.Petrarch {
			t.Errorf("dyad's words before the anchor must be adjacent: %+v", p.Before)
		}
		q, _ := dict.ParsePetrarchPattern("111", "verbal *attack")
		if q.Before[0].Adjacent || !q.Petrarch {
			t.Errorf("PETRARCH's words before the anchor are loose: %+v", q.Before)
		}
	})
}

func TestDictElemMatch(t *testing.T) {
	w := dict.Words{
		Lemmas: []string{"they", "impose", "economic", "sanction", "on", "it"},
		Forms:  []string{"they", "imposed", "economic", "sanctions", "on", "it"},
	}
	e := dict.Elem{Kind: dict.Word, Words: []string{"embargo", "economic"}, Phrases: [][]string{{"economic", "sanction"}, {"total", "boycott"}}}
	tests := []struct {
		name     string
		at, want int
		ending   bool
	}{
		{"LongestPhraseWins", 2, 2, false},
		{"ByLemma", 2, 2, false},
		{"NoMatch", 4, 0, false},
		{"OutOfRange", 9, 0, false},
		{"NegativeIndex", -1, 0, false},
		{"EndingAtPhraseEnd", 3, 2, true},
		{"EndingAtSingleWord", 2, 1, true},
		{"EndingNoMatch", 5, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got int
			if tt.ending {
				got = e.MatchEndingAt(w, tt.at)
			} else {
				got = e.MatchAt(w, tt.at)
			}
			if got != tt.want {
				t.Errorf("match at %d = %d, want %d", tt.at, got, tt.want)
			}
		})
	}
	target := dict.Elem{Kind: dict.Target}
	if target.MatchAt(w, 0) != 0 {
		t.Error("a target element matched a word")
	}
}

func TestDictLint(t *testing.T) {
	fsys := fstest.MapFS{
		"d/actors.tsv":   {Data: []byte("GONGOV\tMinas Tirith\nGONGOV\tMinas Tirith\nXYZ\tNowhere Land\nGONMIL\tOsgiliath; Minas Tirith\n")},
		"d/patterns.tsv": {Data: []byte("040\t*meet with +\n041\t*meet with +\n987\t*cheer +\n")},
	}
	b := dict.NewBuilder(opts())
	b.AddFS(fsys, "d")
	d, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	known := dict.Codes{
		Event: func(c string) bool { return c == "040" || c == "041" },
		Part:  func(p string) bool { return p == "GON" || p == "GOV" || p == "MIL" },
	}
	got := map[string]bool{}
	for _, f := range dict.Lint(d, known) {
		got[f.Kind.String()+"@"+strings.TrimPrefix(f.File, "d/")+":"+strconv.Itoa(f.Line)] = true
	}
	for _, want := range []string{
		"duplicate@actors.tsv:2",    // the same phrase and code again
		"unknown code@actors.tsv:3", // XYZ
		"conflict@actors.tsv:4",     // Minas Tirith with another code
		"conflict@patterns.tsv:2",   // the same pattern with another code
		"never matches@patterns.tsv:2",
		"unknown code@patterns.tsv:3", // 987
	} {
		if !got[want] {
			t.Errorf("no finding %s in %v", want, got)
		}
	}
	if len(got) != 6 {
		t.Errorf("findings %v, want 6", got)
	}
}

// TestPetrarchValidationDictionaries imports the PETRARCH2 validation
// dictionaries (../shared) and checks what the validation records rely on.
func TestPetrarchValidationDictionaries(t *testing.T) {
	dir := sharedDictionaries(t, "petrarch2-validation")
	d, warns, err := dict.LoadDirs(opts(), []string{dir}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 2 { // LASH OUT and RULE OUT lack their '+'
		t.Errorf("warnings %v, want the 2 multi-word verbs without '+'", warns)
	}
	codes := map[string]bool{}
	for _, p := range d.Patterns.All() {
		codes[p.Code] = true
	}
	for _, c := range []string{"345", "075A", "174K", "---", "1717"} {
		if !codes[c] {
			t.Errorf("code %s (as written in the verb file) not among the patterns", c)
		}
	}
	shire := d.Lookup(text.Words("the Shire"))
	if len(shire) != 3 {
		t.Errorf("the Shire [FRO/BIL/SAM]: %d entries, want 3", len(shire))
	}
	if x := d.Discarded(text.Words("after a typhoon trashed its embassy")); x == nil || !x.Story {
		t.Errorf("typhoon: %+v, want a story discard", x)
	}
}

func TestPetrarchLoadPetrarchFiles(t *testing.T) {
	files := []string{filepath.Join(miniDir, "mini.verbs.txt"), filepath.Join(miniDir, "mini.actors.txt"), filepath.Join(t.TempDir(), "notes.txt")}
	pd, err := dict.LoadPetrarchFiles(files...)
	var list petrarch.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v, want a list", err)
	}
	foundKind := false
	for _, e := range list {
		foundKind = foundKind || strings.Contains(e.Msg, "cannot tell the dictionary kind") && strings.HasSuffix(e.File, "notes.txt")
	}
	if !foundKind {
		t.Errorf("no error for notes.txt: %v", list)
	}
	if pd.Verbs == nil || len(pd.Actors) != 1 || pd.Agents != nil {
		t.Errorf("read %+v", pd)
	}
}

func splitLine(origin string) (string, string) {
	i := strings.LastIndexByte(origin, ':')
	return origin[:i], origin[i+1:]
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestPetrarchLayerOverDefault(t *testing.T) {
	d, _, err := dict.LoadDirs(opts(), []string{miniDir}, false)
	if err != nil {
		t.Fatal(err)
	}
	def, err := dict.Default(opts())
	if err != nil {
		t.Fatal(err)
	}
	if len(def.Patterns.ForLemma("give")) == 0 || len(def.Intent) == 0 {
		t.Fatal("the default dictionary has no give patterns or no intent table: the test needs them")
	}
	if len(def.Patterns.ForLemma("attack")) == 0 {
		t.Fatal("the default dictionary has no attack patterns: the test needs them")
	}
	// a PETRARCH verb dictionary is the whole verb scheme: none of the
	// default's patterns survive, on its words or on others
	for _, lemma := range []string{"give", "attack"} {
		for _, p := range d.Patterns.ForLemma(lemma) {
			if !p.Petrarch {
				t.Errorf("default pattern %q (%s) survived the PETRARCH verb layer", p.Text, p.Origin)
			}
		}
	}
	for _, p := range d.Patterns.All() {
		if !p.Petrarch {
			t.Errorf("All lists default pattern %q (%s) under a PETRARCH verb layer", p.Text, p.Origin)
			break
		}
	}
	if len(d.Intent) != 0 {
		t.Errorf("intent table %v kept under a PETRARCH layer: its codes must come out as written", d.Intent)
	}
	ms := d.Find(text.Words("the Shire left"))
	if len(ms) != 1 {
		t.Fatalf("matches %+v", ms)
	}
	var codes []string
	for _, e := range ms[0].SameKind() {
		codes = append(codes, e.Code)
	}
	if !slices.Equal(codes, []string{"FRO", "BIL"}) {
		t.Errorf("SameKind codes %v, want [FRO BIL]", codes)
	}
}
