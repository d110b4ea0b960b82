package coder_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/ingest"
)

// TestSentences codes one-sentence stories (dated 2024-03-14, a Thursday)
// and checks the events: "SOURCE CAMEO TARGET modality date", sorted as
// coded. Each case names the rule it exercises.
func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"Meeting", "German officials met with Russian officials in Berlin.",
			[]string{"DEUGOV 040 RUSGOV realized 2024-03-14"}},
		{"IntendedMeetingNextWeek", "Japanese officials will meet with Chinese officials next week.",
			[]string{"JPNGOV 036 CHNGOV intended 2024-03-18/2024-03-24"}},
		{"IntendedWithoutDate", "France plans to impose sanctions on Iran.",
			[]string{"FRA 132 IRN intended -"}},
		{"PastWeekday", "Russia attacked Ukraine on Monday.",
			[]string{"RUS 190 UKR realized 2024-03-11"}},
		{"FrontedDate", "On Tuesday, Egypt condemned Israel.",
			[]string{"EGY 111 ISR realized 2024-03-12"}},
		{"Negated", "India did not criticize Pakistan.",
			[]string{"IND 111 PAK negated 2024-03-14"}},
		{"Reported", "Turkey reportedly arrested Greek soldiers.",
			[]string{"TUR 173 GRCMIL reported 2024-03-14"}},
		{"Hypothetical", "Iran could attack Israel.",
			[]string{"IRN 190 ISR hypothetical -"}},
		{"Passive", "Kenyan troops were attacked by Somali rebels.",
			[]string{"SOMREB 190 KENMIL realized 2024-03-14"}},
		{"CompoundTarget", "Brazil praised Argentina and Chile.",
			[]string{"BRA 051 ARG realized 2024-03-14", "BRA 051 CHL realized 2024-03-14"}},
		{"SymmetricCompoundSubject", "Vietnamese officials and Thai officials met in Hanoi.",
			[]string{"VNMGOV 040 THAGOV realized 2024-03-14"}},
		{"CapitalAsGovernment", "Moscow accused Kyiv of sabotage.",
			[]string{"RUSGOV 112 UKRGOV realized 2024-03-14"}},
		{"PersonRoleAtDate", "Angela Merkel criticized Poland.",
			[]string{"DEUELI 111 POL realized 2024-03-14"}},
		{"NounWithGoverningVerb", "Poland stepped up verbal attacks on Belarus.",
			[]string{"POL 111 BLR realized 2024-03-14"}},
		{"CoordinatedVerbSharesSubject", "Spain thanked Portugal and criticized Morocco.",
			[]string{"ESP 051 PRT realized 2024-03-14", "ESP 111 MAR realized 2024-03-14"}},
		{"RelativeClauseSubject", "Nigeria, which hosted the summit, praised Ghana.",
			[]string{"NGA 051 GHA realized 2024-03-14"}},
		{"NoActorNoEvent", "The company praised the new product.", nil},
		{"CommonNounIsNotATarget", "Canada attacked the proposal of Mexico.", nil},
		{"PronounResolved", "Sweden's prime minister visited Finland. He praised Norway.",
			[]string{"SWEGOV 042 FIN realized 2024-03-14", "SWEGOV 051 NOR realized 2024-03-14"}},
		{"FirstPersonInQuote", "\"We will attack Yemen,\" said Saudi officials.",
			[]string{"SAUGOV 138 YEM intended -"}},
		// opttarget: no actor after the anchor gives an event without a target
		{"OptionalTargetAbsent", "Jordan and Britain have agreed to hold joint exercises, a Jordanian official said.",
			[]string{"JOR 030 - realized 2024-03-14", "GBR 030 - realized 2024-03-14"}},
		{"OptionalTargetPresent", "Libya has offered to hand two suspects over to Britain.",
			[]string{"LBY 030 GBR realized 2024-03-14"}},
		// fallback: the announced act, when known, is the event
		{"FallbackYieldsToAct", "Syria agreed to release Lebanese prisoners.",
			[]string{"SYR 035 LBNCRM intended -"}},
		{"Threat", "Iran threatened to cut ties with Bahrain.",
			[]string{"IRN 132 BHR realized 2024-03-14"}},
		{"ThreatUnless", "Nigeria will cut ties with Chad unless the fighting stops.",
			[]string{"NGA 132 TCD intended -"}},
		{"RefusalIsTheEvent", "Israel refused to lift the curfew on Palestinians.",
			[]string{"ISR 121 PSE realized 2024-03-14"}},
		{"ReportedSpeechFuture", "Afghan rebels said they would meet Pakistani officials.",
			[]string{"AFGREB 036 PAKGOV intended -"}},
		{"ConditionalStaysHypothetical", "Afghan rebels would meet Pakistani officials if asked.",
			[]string{"AFGREB 040 PAKGOV hypothetical -"}},
		{"ProtestPurpose", "Egyptian protesters staged a hunger strike to demand the release of prisoners.",
			[]string{"EGYOPP 142 - realized 2024-03-14"}},
		{"AdjectiveOwnsObject", "Serbia rejected an Australian ultimatum.",
			[]string{"SRB 120 AUS realized 2024-03-14"}},
		{"AuthorOfProposal", "Germany rejected calls by Belarus for aid.",
			[]string{"DEU 120 BLR realized 2024-03-14"}},
		{"SubjectBeforeApposition", "Pakistan, a key U.S. ally, refused to deploy troops in Iraq.",
			[]string{"PAK 121 IRQMIL realized 2024-03-14"}},
		{"ParticipleAsAdjective", "Turkey is guarding captured Syrian militants.",
			nil},
	}
	p := pipeline(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.ParseArticle("t", "t.txt", []byte(" date 2024-03-14 "+tt.text+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range p.Code(a) {
				checkProvenance(t, a, e)
				tgt, date := "-", "-"
				if e.Target != nil {
					tgt = e.Target.Code
				}
				if e.Date != nil {
					date = e.Date.Start
					if e.Date.End != e.Date.Start {
						date += "/" + e.Date.End
					}
				}
				got = append(got, fmt.Sprintf("%s %s %s %s %s", e.Source.Code, e.CAMEO, tgt, e.Modality, date))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("%q\n got: %q\nwant: %q", tt.text, got, tt.want)
			}
		})
	}
}
