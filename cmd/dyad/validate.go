package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/ingest"
)

// runValidate codes validation records and compares the events with the
// ones each record expects, as PETRARCH's validation mode does:
//
//	dyad validate [-v] [--dict DIR…] [--dict-only] RECORDS…
//
// RECORDS are JSON Lines files (the layout of ../shared/gold/*.jsonl) or
// PETRARCH XML validation files. A record is coded with the dictionaries
// its header names (PETRARCH's <Environment>: found beside the records
// file or in a ../dictionaries/*/ folder next to it, and used alone, as
// PETRARCH does), else with dyad's default; --dict replaces the named
// ones. A record passes when exactly the expected events come out:
// PETRARCH records by source, target and code as written; PLOVER records
// by PLOVER type and actor country (the first three letters), a record
// without a target accepting any. Records that expect no event, or an
// error, pass when nothing is coded. The exit status is 1 when a record
// fails or cannot be read or coded.
func (m *Main) runValidate(ctx context.Context, args []string) error {
	fs := m.newFlagSet("validate", "RECORDS…")
	verbose := fs.Bool("v", false, "show each record's text, expected and coded events")
	only := fs.Bool("dict-only", false, "code with the --dict folders alone, without dyad's default dictionary")
	all := fs.Bool("all", false, "also validate records whose category the suite's <Include> leaves out")
	var dicts dictDirsFlag
	fs.Var(&dicts, "dict", "code with the dictionary in `DIR` (dyad TSV or PETRARCH; repeatable) instead of the records' own")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("validate: no records given (JSON Lines or PETRARCH XML files)")
	}
	if *only && len(dicts) == 0 {
		return usageError("validate: --dict-only needs --dict DIR")
	}
	v := &validator{m: m, dicts: dicts, only: *only, pipelines: map[string]*coder.Pipeline{}, failed: map[string]error{}}
	w := bufio.NewWriter(m.Stdout)
	defer w.Flush()
	var t validateTotals
	t.byCategory = map[string][2]int{}
	for _, file := range pos {
		data, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintln(m.Stderr, "dyad:", err)
			t.unreadable++
			continue
		}
		recs, errs := readRecords(file, data)
		for _, e := range errs {
			fmt.Fprintln(m.Stderr, e.Error())
		}
		t.unreadable += len(errs)
		for i := range recs {
			if err := ctx.Err(); err != nil {
				return err
			}
			r := &recs[i]
			if r.Skip && !*all {
				t.skipped++
				continue
			}
			res := v.check(r)
			t.add(r, res)
			printResult(w, r, res, *verbose)
		}
	}
	t.print(w)
	if err := w.Flush(); err != nil {
		return fmt.Errorf("validate: write: %w", err)
	}
	if t.failed > 0 || t.errors > 0 || t.unreadable > 0 {
		return errInputs
	}
	return nil
}

// validator codes records, keeping one pipeline per set of dictionaries.
type validator struct {
	m         *Main
	dicts     []string
	only      bool
	pipelines map[string]*coder.Pipeline
	failed    map[string]error
	places    coder.Places // the gazetteer, loaded with the first pipeline and shared
}

// recordResult is what came of one record.
type recordResult struct {
	coded   []dyad.Event
	correct []expected
	missing []expected
	extra   []dyad.Event
	pass    bool
	err     error // the record could not be coded
}

func (v *validator) check(r *record) recordResult {
	p, err := v.pipeline(r)
	if err != nil {
		return recordResult{err: err}
	}
	raw := []byte(" date " + r.Date.Format(dyad.DateLayout) + " " + r.Text + "\n")
	a, err := ingest.ParseArticle(r.ID, r.File, raw)
	if err != nil {
		return recordResult{err: fmt.Errorf("record text: %w", err)}
	}
	res := recordResult{coded: p.Code(a)}
	used := make([]bool, len(res.coded))
	for _, x := range r.Expected {
		found := false
		for i, e := range res.coded {
			if !used[i] && matches(r, x, e) {
				used[i], found = true, true
				break
			}
		}
		if found {
			res.correct = append(res.correct, x)
		} else {
			res.missing = append(res.missing, x)
		}
	}
	for i, e := range res.coded {
		if !used[i] {
			res.extra = append(res.extra, e)
		}
	}
	res.pass = len(res.missing) == 0 && len(res.extra) == 0
	return res
}

// matches reports whether coded event e is the expected x: PETRARCH
// records compare codes exactly; PLOVER records compare the type and the
// actors' countries, an expected event without a target taking any.
func matches(r *record, x expected, e dyad.Event) bool {
	src, tgt := "", ""
	if e.Source != nil {
		src = e.Source.Code
	}
	if e.Target != nil {
		tgt = e.Target.Code
	}
	if !r.Plover {
		return src == x.Source && tgt == x.Target && e.CAMEO == x.Code
	}
	pl := strings.ToUpper(e.PLOVER)
	ok := pl == x.Code
	for _, a := range x.Alt {
		ok = ok || pl == a
	}
	country := func(c string) string {
		if len(c) > 3 {
			return c[:3]
		}
		return c
	}
	return ok && country(src) == country(x.Source) && (x.Target == "" || country(tgt) == country(x.Target))
}

// pipeline returns the coder for a record: --dict, else the dictionaries
// its environment names, else dyad's default.
func (v *validator) pipeline(r *record) (*coder.Pipeline, error) {
	key, load := "default", func() (*dict.Dictionary, error) { return v.m.loadDictionary(nil, false) }
	switch {
	case len(v.dicts) > 0:
		key = "dirs"
		load = func() (*dict.Dictionary, error) { return v.m.loadDictionary(v.dicts, v.only) }
	case r.Dicts != nil:
		files, err := locateDicts(r.File, r.Dicts)
		if err != nil {
			return nil, err
		}
		key = strings.Join(files, "\x00")
		load = func() (*dict.Dictionary, error) { return v.loadFiles(files) }
	}
	if p := v.pipelines[key]; p != nil {
		return p, nil
	}
	if err := v.failed[key]; err != nil {
		return nil, err
	}
	d, err := load()
	var p *coder.Pipeline
	if err == nil {
		var opts []coder.Option
		if v.places != nil {
			opts = append(opts, coder.WithPlaces(v.places))
		}
		p, err = coder.NewPipeline(d, opts...)
	}
	if err != nil {
		v.failed[key] = err
		fmt.Fprintln(v.m.Stderr, "dyad: validate:", err)
		return nil, err
	}
	v.pipelines[key] = p
	v.places = p.Places
	return p, nil
}

// loadFiles builds a dictionary of PETRARCH files alone, as PETRARCH's
// validation mode codes with the files its records name.
func (v *validator) loadFiles(files []string) (*dict.Dictionary, error) {
	pd, err := dict.LoadPetrarchFiles(files...)
	if err != nil {
		fmt.Fprintln(v.m.Stderr, "dyad: warning:", err)
		if pd == nil {
			return nil, err
		}
	}
	b := dict.NewBuilder(dictOptions())
	v.m.printWarnings(b.AddPetrarch(pd, ""))
	d, err := b.Build()
	if err != nil {
		return nil, fmt.Errorf("load dictionary: %w", err)
	}
	return d, nil
}

// locateDicts finds the dictionary files a record names: beside the
// records file, or in a dictionaries/*/ folder beside it or its parent
// (../shared/gold/x.jsonl finds ../shared/dictionaries/petrarch2-validation).
func locateDicts(recordsFile string, names map[string][]string) ([]string, error) {
	base := filepath.Dir(recordsFile)
	dirs := []string{base}
	for _, pat := range []string{filepath.Join(base, "dictionaries", "*"), filepath.Join(base, "..", "dictionaries", "*")} {
		m, _ := filepath.Glob(pat)
		sort.Strings(m)
		dirs = append(dirs, m...)
	}
	var files []string
	for _, kind := range []string{"verbs", "actors", "agents", "discards", "issues"} {
		for _, n := range names[kind] {
			found := ""
			for _, d := range dirs {
				p := filepath.Join(d, filepath.Base(n))
				if st, err := os.Stat(p); err == nil && !st.IsDir() {
					found = p
					break
				}
			}
			if found == "" {
				return nil, fmt.Errorf("dictionary %s named by %s not found beside it or in a dictionaries folder (give --dict DIR)", n, recordsFile)
			}
			files = append(files, found)
		}
	}
	return files, nil
}

// validateTotals counts records and events over a run.
type validateTotals struct {
	records, passed, failed, errors, skipped, unreadable int
	expected, coded, correct, missing, extra             int
	byCategory                                           map[string][2]int // passed, total
}

func (t *validateTotals) add(r *record, res recordResult) {
	t.records++
	c := t.byCategory[r.Category]
	c[1]++
	switch {
	case res.err != nil:
		t.errors++
	case res.pass:
		t.passed++
		c[0]++
	default:
		t.failed++
	}
	t.byCategory[r.Category] = c
	t.expected += len(r.Expected)
	t.coded += len(res.coded)
	t.correct += len(res.correct)
	t.missing += len(res.missing)
	t.extra += len(res.extra)
}

func (t *validateTotals) print(w io.Writer) {
	pct := 0.0
	if t.records > 0 {
		pct = 100 * float64(t.passed) / float64(t.records)
	}
	fmt.Fprintf(w, "\nrecords=%d passed=%d failed=%d errors=%d skipped=%d unreadable=%d (%.1f%% passed)\n",
		t.records, t.passed, t.failed, t.errors, t.skipped, t.unreadable, pct)
	fmt.Fprintf(w, "events expected=%d coded=%d correct=%d missing=%d extra=%d\n", t.expected, t.coded, t.correct, t.missing, t.extra)
	cats := make([]string, 0, len(t.byCategory))
	for c := range t.byCategory {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	var parts []string
	for _, c := range cats {
		n := t.byCategory[c]
		name := c
		if name == "" {
			name = "(none)"
		}
		parts = append(parts, fmt.Sprintf("%s %d/%d", name, n[0], n[1]))
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, "passed by category: %s\n", strings.Join(parts, ", "))
	}
	if t.records > 0 && t.passed == t.records {
		fmt.Fprintln(w, "ALL OF THE RECORDS WERE CODED CORRECTLY.")
	}
}

func eventString(e dyad.Event, plover bool) string {
	src, tgt := "-", "-"
	if e.Source != nil {
		src = e.Source.Code
	}
	if e.Target != nil {
		tgt = e.Target.Code
	}
	code := e.CAMEO
	if plover {
		code = e.PLOVER
	}
	return src + " " + tgt + " " + code
}

// printResult prints one record: a line with pass/FAIL, and with verbose
// PETRARCH's record report: the text, the expected and the coded events.
func printResult(w io.Writer, r *record, res recordResult, verbose bool) {
	status := "pass"
	switch {
	case res.err != nil:
		status = "ERROR"
	case !res.pass:
		status = "FAIL"
	}
	cat := ""
	if r.Category != "" {
		cat = " [" + r.Category + "]"
	}
	if !verbose {
		line := fmt.Sprintf("%-5s %s%s", status, r.ID, cat)
		if res.err != nil {
			line += "  " + res.err.Error()
		}
		var miss, extra []string
		for _, x := range res.missing {
			miss = append(miss, x.String())
		}
		for _, e := range res.extra {
			extra = append(extra, eventString(e, r.Plover))
		}
		if len(miss) > 0 {
			line += "  missing: " + strings.Join(miss, "; ")
		}
		if len(extra) > 0 {
			line += "  extra: " + strings.Join(extra, "; ")
		}
		fmt.Fprintln(w, line)
		return
	}
	fmt.Fprintf(w, "\nRecord: %s%s %s:%d\n", r.ID, cat, r.File, r.Line)
	fmt.Fprintf(w, "Text: %s\n", r.Text)
	switch {
	case r.Error != "":
		fmt.Fprintf(w, "Expected: rejected (%s)\n", r.Error)
	case len(r.Expected) == 0:
		fmt.Fprintln(w, "Expected: no events")
	default:
		fmt.Fprintln(w, "Expected events:")
		for _, x := range r.Expected {
			mark := "  "
			for _, m := range res.missing {
				if m.String() == x.String() {
					mark = "- "
					break
				}
			}
			fmt.Fprintf(w, "  %s%s\n", mark, x)
		}
	}
	if res.err != nil {
		fmt.Fprintf(w, "Not coded: %v\n", res.err)
	} else if len(res.coded) == 0 {
		fmt.Fprintln(w, "Coded: no events")
	} else {
		fmt.Fprintln(w, "Coded events:")
		for _, e := range res.coded {
			mark := "  "
			for _, x := range res.extra {
				if x.Evidence == e.Evidence && x.CAMEO == e.CAMEO && eventString(x, r.Plover) == eventString(e, r.Plover) {
					mark = "+ "
					break
				}
			}
			fmt.Fprintf(w, "  %s%s  %q  %s\n", mark, eventString(e, r.Plover), e.Evidence.Text, e.Pattern)
		}
	}
	switch status {
	case "pass":
		fmt.Fprintf(w, "Events correctly coded in %s\n", r.ID)
	case "FAIL":
		fmt.Fprintf(w, "FAIL: %d missing (-), %d extra (+) in %s\n", len(res.missing), len(res.extra), r.ID)
	}
}

// ---- reading validation records ----

// A validation record is one sentence with the events a coder must find
// in it, as the PETRARCH validation suites and the PLOVER gold standard
// write them. readRecords reads both layouts:
//
//   - JSON Lines, one record an object: PETRARCH's converted records
//     ({"id", "date": "19950101", "category", "text", "events":
//     [{"source", "target", "code"}], "noevents", "expected_error",
//     "environment": {"Verbfile", …}}) and PLOVER's ({"id", "date",
//     "source"/"target": actor lists, "event": the PLOVER type, "text"});
//   - PETRARCH's XML validation file (PETR.UnitTest.records.xml): an
//     <Environment> naming the dictionaries, then <Sentence date id
//     category> records holding <EventCoding sourcecode targetcode
//     eventcode>, <EventCoding noevents="True"> or <EventCoding
//     error="…">, and <Text>. It is read line by line, as PETRARCH reads
//     it, so a broken record is reported and the next one read.
//
// A record that cannot be read is reported as file:line: reason and left
// out; reading goes on.
type record struct {
	File     string
	Line     int
	ID       string
	Category string
	Date     time.Time
	Text     string
	Expected []expected
	NoEvents bool   // the record expects no event
	Error    string // the record expects the coder to reject it (dateline, storydiscard…)
	Plover   bool   // expected events name PLOVER types, not CAMEO codes
	Skip     bool   // not in the suite's <Include> list: PETRARCH does not validate it
	// Dicts are the dictionary files the record's environment names, by
	// kind (verbs, actors, agents, discards); nil when it names none.
	Dicts map[string][]string
	Notes []string
}

// expected is one event a record expects. For PLOVER records Code is the
// PLOVER type and Alt the older labels also accepted.
type expected struct {
	Source, Target, Code string
	Alt                  []string
}

func (e expected) String() string {
	t := e.Target
	if t == "" {
		t = "-"
	}
	return e.Source + " " + t + " " + e.Code
}

// recordError is a record or line that could not be read.
type recordError struct {
	File string
	Line int
	Msg  string
}

func (e recordError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// readRecords reads the records of one file, JSON Lines or XML, told
// apart by the first character that is not white space.
func readRecords(name string, data []byte) ([]record, []recordError) {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(t) > 0 && t[0] == '<' {
		return readXMLRecords(name, data)
	}
	return readJSONRecords(name, data)
}

// currentPlover maps the PLOVER 0.5b1 labels of the gold standard records
// to the current categories, as ../shared/eval/records_to_gold.py does;
// the old label is accepted too.
var currentPlover = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

var codeLike = regexp.MustCompile(`^[A-Z]{3,}$`)

func readJSONRecords(name string, data []byte) ([]record, []recordError) {
	var recs []record
	var errs []recordError
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		if len(line) == 0 {
			continue
		}
		bad := func(format string, args ...any) {
			errs = append(errs, recordError{name, n, fmt.Sprintf(format, args...)})
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(line, &obj); err != nil {
			bad("not a JSON object: %v", err)
			continue
		}
		r, msg := jsonRecord(obj)
		if msg != "" {
			bad("record %s: %s", r.ID, msg)
			continue
		}
		r.File, r.Line = name, n
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, recordError{name, 0, err.Error()})
	}
	return recs, errs
}

// jsonRecord reads one JSON object; msg says why it cannot be used.
func jsonRecord(obj map[string]json.RawMessage) (r record, msg string) {
	str := func(k string) (string, bool) {
		raw, ok := obj[k]
		if !ok || string(raw) == "null" {
			return "", true
		}
		var s string
		if err := json.Unmarshal(raw, &s); err == nil {
			return s, true
		}
		var f float64
		if err := json.Unmarshal(raw, &f); err == nil {
			return fmt.Sprint(f), true // an id written as a number
		}
		return "", false
	}
	var ok bool
	if r.ID, ok = str("uid"); !ok || r.ID == "" {
		if r.ID, ok = str("id"); !ok {
			return r, "id: want a string"
		}
	}
	if r.ID == "" {
		return r, "no id"
	}
	if r.Text, ok = str("text"); !ok || strings.TrimSpace(r.Text) == "" {
		return r, "no text"
	}
	r.Text = strings.Join(strings.Fields(r.Text), " ")
	r.Category, _ = str("category")
	d, _ := str("date")
	var err error
	if r.Date, err = recordDate(d); err != nil {
		return r, err.Error()
	}
	if raw, ok := obj["notes"]; ok {
		_ = json.Unmarshal(raw, &r.Notes)
	}
	if raw, ok := obj["included"]; ok && string(raw) == "false" {
		r.Skip = true
	}
	if _, ok := obj["event"]; ok {
		return ploverRecord(obj, r)
	}
	if raw, ok := obj["noevents"]; ok && string(raw) == "true" {
		r.NoEvents = true
	}
	if r.Error, ok = str("expected_error"); !ok {
		return r, "expected_error: want a string"
	}
	if raw, ok := obj["events"]; ok && string(raw) != "null" {
		var evs []struct {
			Source, Target, Code *string
		}
		if err := json.Unmarshal(raw, &evs); err != nil {
			return r, "events: want a list of {source, target, code}"
		}
		for i, e := range evs {
			if e.Code == nil || *e.Code == "" || e.Source == nil {
				return r, fmt.Sprintf("events[%d]: want source and code", i)
			}
			x := expected{Source: *e.Source, Code: *e.Code}
			if e.Target != nil {
				x.Target = *e.Target
			}
			r.Expected = append(r.Expected, x)
		}
	}
	if raw, ok := obj["environment"]; ok {
		var env map[string]string
		if err := json.Unmarshal(raw, &env); err == nil {
			r.Dicts = environmentDicts(env)
		}
	}
	return r, ""
}

// environmentDicts reads the dictionary files an <Environment> names.
func environmentDicts(env map[string]string) map[string][]string {
	out := map[string][]string{}
	for k, v := range env {
		kind := map[string]string{"verbfile": "verbs", "actorfile": "actors", "agentfile": "agents", "discardfile": "discards", "issuefile": "issues"}[strings.ToLower(k)]
		if kind == "" {
			continue
		}
		for _, f := range strings.Split(v, ",") {
			if f = strings.TrimSpace(f); f != "" {
				out[kind] = append(out[kind], f)
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// ploverRecord reads the events of a PLOVER gold standard record: one per
// (source, target) pair of its actor lists, as records_to_gold.py makes
// them.
func ploverRecord(obj map[string]json.RawMessage, r record) (record, string) {
	r.Plover = true
	var event string
	if err := json.Unmarshal(obj["event"], &event); err != nil || event == "" {
		return r, "event: want a PLOVER type"
	}
	actors := func(k string) ([]string, string) {
		raw, ok := obj[k]
		if !ok || string(raw) == "null" {
			return []string{""}, ""
		}
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, k + ": " + err.Error()
		}
		one := func(v any) (string, bool) {
			switch a := v.(type) {
			case nil:
				return "", true
			case string: // a bare code; once a stray word
				if codeLike.MatchString(a) {
					return a, true
				}
				return "", true
			case map[string]any:
				code, _ := a["code"].(string)
				sector, _ := a["sector"].(string)
				return code + sector, true
			}
			return "", false
		}
		var out []string
		if list, ok := v.([]any); ok {
			for _, x := range list {
				s, ok := one(x)
				if !ok {
					return nil, k + ": want actors {code, sector}"
				}
				out = append(out, s)
			}
		} else {
			s, ok := one(v)
			if !ok {
				return nil, k + ": want actors {code, sector}"
			}
			out = []string{s}
		}
		if len(out) == 0 {
			out = []string{""}
		}
		return out, ""
	}
	srcs, msg := actors("source")
	if msg != "" {
		return r, msg
	}
	tgts, msg := actors("target")
	if msg != "" {
		return r, msg
	}
	code := event
	var alt []string
	if cur, ok := currentPlover[event]; ok {
		code, alt = cur, []string{event}
	}
	for _, s := range srcs {
		if s == "" {
			continue
		}
		for _, t := range tgts {
			r.Expected = append(r.Expected, expected{Source: s, Target: t, Code: code, Alt: alt})
		}
	}
	if len(r.Expected) == 0 {
		r.NoEvents = true
	}
	return r, ""
}

// recordDate reads YYYYMMDD or YYYY-MM-DD; no date is 2000-01-01, the
// date the PLOVER records carry.
func recordDate(s string) (time.Time, error) {
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		if r == '-' || r == '/' || r == ' ' {
			return -1
		}
		return 'x'
	}, s)
	if digits == "" {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse("20060102", digits)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q: want YYYYMMDD or YYYY-MM-DD", s)
	}
	return t, nil
}

// readXMLRecords reads PETRARCH's validation file line by line.
func readXMLRecords(name string, data []byte) ([]record, []recordError) {
	var (
		recs    []record
		errs    []recordError
		env     = map[string]string{}
		include map[string]bool
		cur     *record
		inText  bool
		inParse bool
		inEnv   bool
		text    []string
		comment bool // inside a <!-- comment over several lines
	)
	bad := func(n int, format string, args ...any) {
		errs = append(errs, recordError{name, n, fmt.Sprintf(format, args...)})
	}
	if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	lines := strings.Split(strings.ReplaceAll(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), "\r\n", "\n"), "\n")
	finish := func(n int) {
		r := cur
		cur = nil
		switch {
		case r.ID == "":
			bad(r.Line, "<Sentence> without an id: record left out")
			return
		case strings.TrimSpace(r.Text) == "":
			bad(r.Line, "record %s has no <Text>: left out", r.ID)
			return
		case len(r.Expected) == 0 && !r.NoEvents && r.Error == "":
			bad(r.Line, "record %s has no <EventCoding>: left out", r.ID)
			return
		}
		r.Dicts = environmentDicts(env)
		if include != nil && !include[r.Category] {
			r.Skip = true
		}
		recs = append(recs, *r)
	}
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimSpace(raw)
		if comment {
			if k := strings.Index(line, "-->"); k >= 0 {
				comment = false
				line = strings.TrimSpace(line[k+3:])
			} else {
				continue
			}
		}
		if inText {
			if k := strings.Index(line, "</Text>"); k >= 0 {
				text = append(text, line[:k])
				inText = false
				cur.Text = strings.Join(strings.Fields(strings.Join(text, " ")), " ")
				continue
			}
			text = append(text, line)
			continue
		}
		if inParse {
			if strings.Contains(line, "</Parse>") {
				inParse = false
			}
			continue
		}
		for strings.HasPrefix(line, "<!--") {
			k := strings.Index(line[4:], "-->")
			if k < 0 {
				comment = true
				if cur != nil {
					cur.Notes = append(cur.Notes, strings.TrimSpace(line[4:]))
				}
				line = ""
				break
			}
			if cur != nil {
				cur.Notes = append(cur.Notes, strings.TrimSpace(line[4:4+k]))
			}
			line = strings.TrimSpace(line[4+k+3:])
		}
		if line == "" {
			continue
		}
		tag := xmlTag(line)
		switch {
		case tag == "Stop":
			if cur != nil {
				bad(cur.Line, "record %s not closed before <Stop>: left out", cur.ID)
			}
			return recs, errs
		case tag == "Environment":
			inEnv = true
		case tag == "/Environment":
			inEnv = false
		case inEnv && tag == "Include":
			include = map[string]bool{}
			for _, c := range strings.Fields(xmlContent(line, tag)) {
				include[c] = true
			}
		case inEnv && tag != "" && tag[0] != '/' && tag != "Config":
			env[tag] = strings.TrimSpace(xmlContent(line, tag))
		case tag == "Sentence":
			if cur != nil {
				bad(cur.Line, "record %s has no </Sentence>: left out", cur.ID)
			}
			attrs, err := xmlAttrs(line)
			if err != nil {
				bad(n, "<Sentence>: %v", err)
			}
			cur = &record{File: name, Line: n, ID: attrs["id"], Category: attrs["category"]}
			if cur.Date, err = recordDate(attrs["date"]); err != nil || attrs["date"] == "" {
				bad(n, "record %s: bad or missing date %q: left out", cur.ID, attrs["date"])
				cur = nil // its lines are passed over up to </Sentence>
			}
		case tag == "/Sentence":
			if cur == nil {
				continue // the rest of a record left out above
			}
			finish(n)
		case cur == nil:
			// outside a record, or inside one that was left out
		case tag == "EventCoding":
			attrs, err := xmlAttrs(line)
			if err != nil {
				bad(n, "record %s: <EventCoding>: %v", cur.ID, err)
				continue
			}
			switch {
			case strings.EqualFold(attrs["noevents"], "true"):
				cur.NoEvents = true
			case attrs["error"] != "":
				cur.Error = attrs["error"]
			case attrs["eventcode"] != "" || attrs["plover"] != "":
				e := expected{Source: attrs["sourcecode"], Target: attrs["targetcode"], Code: attrs["eventcode"]}
				if e.Code == "" {
					e.Code = attrs["plover"]
					cur.Plover = true
				}
				cur.Expected = append(cur.Expected, e)
			default:
				bad(n, "record %s: <EventCoding> without eventcode, noevents or error", cur.ID)
			}
		case tag == "Text":
			rest := line[strings.Index(line, ">")+1:]
			if k := strings.Index(rest, "</Text>"); k >= 0 {
				cur.Text = strings.Join(strings.Fields(rest[:k]), " ")
				continue
			}
			inText, text = true, []string{rest}
		case tag == "Parse":
			if !strings.Contains(line, "</Parse>") {
				inParse = true
			}
		}
	}
	if cur != nil {
		bad(cur.Line, "record %s has no </Sentence> before the end of the file: left out", cur.ID)
	}
	return recs, errs
}

// xmlTag returns the name of the tag a line starts with ("Sentence",
// "/Text"), "" when it does not start with one.
func xmlTag(line string) string {
	if !strings.HasPrefix(line, "<") {
		return ""
	}
	end := strings.IndexAny(line[1:], " \t>")
	if end < 0 {
		return strings.TrimSpace(line[1:])
	}
	return line[1 : 1+end]
}

// xmlContent returns the text between <tag> and </tag> on one line.
func xmlContent(line, tag string) string {
	i := strings.Index(line, ">")
	if i < 0 {
		return ""
	}
	rest := line[i+1:]
	if k := strings.Index(rest, "</"+tag); k >= 0 {
		rest = rest[:k]
	}
	return rest
}

// xmlAttrs reads name="value" pairs of a start tag (blanks around "="
// allowed, as the records write them).
func xmlAttrs(line string) (map[string]string, error) {
	out := map[string]string{}
	i := strings.IndexAny(line, " \t")
	if i < 0 {
		return out, nil
	}
	s := line[i:]
	if k := strings.Index(s, ">"); k >= 0 {
		s = s[:k]
	} else {
		return out, fmt.Errorf("tag not closed with '>'")
	}
	s = strings.TrimSuffix(strings.TrimSpace(s), "/")
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			return out, nil
		}
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return out, fmt.Errorf("bad attribute %q: want name=\"value\"", s)
		}
		key := strings.TrimSpace(s[:eq])
		s = strings.TrimSpace(s[eq+1:])
		if s == "" || s[0] != '"' && s[0] != '\'' {
			return out, fmt.Errorf("attribute %s: value not quoted", key)
		}
		q := s[0]
		end := strings.IndexByte(s[1:], q)
		if end < 0 {
			return out, fmt.Errorf("attribute %s: unclosed quote", key)
		}
		out[key] = xmlUnescape(s[1 : 1+end])
		s = s[2+end:]
	}
}

var xmlEntities = strings.NewReplacer("&quot;", `"`, "&apos;", "'", "&lt;", "<", "&gt;", ">", "&amp;", "&")

func xmlUnescape(s string) string { return xmlEntities.Replace(s) }
