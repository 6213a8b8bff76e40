using System.Text.RegularExpressions;

namespace VpWijzer.Knowledge;

// The patterns of CrisisDetector: what each one recognises, and why it is on which engine. The decisions that combine
// them (FloorOf, IsOverAndDone, HasOrdinaryReason…) are in CrisisDetector.cs.
public static partial class CrisisDetector
{
    /// <summary>
    /// Builds every pattern once, in parallel: the non-backtracking ones construct their automata at first use (tens of
    /// ms each), which would otherwise fall on the start-up's critical path or on the first message (round 6).
    /// </summary>
    public static void WarmUp() =>
        Parallel.ForEach(Patterns, pattern => pattern().IsMatch("warm-up"));

    private static readonly Func<Regex>[] Patterns =
    [
        SuicideOrSelfHarm, TopicWord, FarewellOrOverdose, WarningSigns, AfterImGone, JumpInFront, Hypothetical,
        PillAmount, Taken, Overdose, MedicationWord, NotBreathing, Collapse, Urgency, Exercise, Behind, Again, Joke,
        SuicideOrSelfHarmLookAhead, AcuteAlways, AcuteNow, Threat, Immediacy, DangerCue, ViolentThreat, OrdinaryReason,
        DeathIdiom, HardDangerCue, DeniedOrdinaryReason, Hyperbole, Denial, Over, NowOrNext, PresentWish, SureMeans,
        SureSigns, SureSignsLookAhead, MoreSigns, OtherSuicidal, GivingAway, NowWord, NotRealMarker, LongAgo,
    ];

    // Suicide and self-harm, Dutch and English, explicit and common indirect phrasings. On the non-backtracking engine:
    // linear in the text, and 13 -> 2 µs per message for this long alternation (issue 10; docs/BENCHMARKS.md). The
    // engine builds its automaton at first use (tens of ms for a long pattern: see WarmUp), so only the patterns that run on
    // every message and cost most on the backtracking engine use it (docs/BENCHMARKS.md, round 6).
    [GeneratedRegex(
        @"\b(een )?eind(e)? (aan|van) (mijn|m'n|mn|m n|het|me) (leven|bestaan)|er (een )?eind(e)? aan (te )?(maken|make|maak|maakt|gemaakt)|\been eind(e)? aan alles (te )?(maken|maak)|er (zelf )?(een )?einde aan" +
        @"|uit het leven (te )?(stappen|gaan)|\bmijn leven (te )?(beeindigen|nemen)|leven beeindigen" +
        @"|\b(wil|wou|zou|ga|kan) (echt )?(niet|nie) (meer|langer) (leven|verder|bestaan|door)|niet meer (willen |wil )?leven|geen zin (meer )?(om|in) (te )?leven|het leven (heeft|is) geen zin" +
        @"|\bwil (gewoon )?dood\b|\bdood (willen|wil) (zijn|gaan)|\bwou dat ik dood (was|ben)|\bliever dood\b|\bniet meer wakker (te )?worden" +
        @"|\b(mezelf|mijzelf|me) (iets|wat|van kant|pijn) (aan ?(te )?doen|maken|te maken)|\bmezelf (van kant|snijden|snij|pijn doen|beschadigen|ophangen)|\bmezelf iets aandoen" +
        @"|\bik zie het (echt |allemaal |gewoon )?(niet|nie) meer zitten|\bwil er (gewoon )?(niet|nie) meer zijn|\ber (gewoon |echt |liever )?(niet|nie) meer (willen |wil |te )?zijn\b|(iedereen|ze|jullie|mijn (familie|gezin|kinderen)) (is |zijn |zou |zouden )?beter af (is |zijn |zou zijn |zouden zijn )?zonder (mij|me)|\bafscheidsbrief" +
        @"|\b(alle|al mijn|een hoop|te veel) (pillen|pilletjes|medicijnen|slaappillen)|\bvoor de trein (springen|gaan|spring)|\bvan (een|het|de) (flat|dak|brug) (springen|af springen)" +
        @"|kill (myself|my self|meself)|\bend (my|it all|my own) (life|lives)|\bend it all\b|\btake my (own )?life|\bwant to die\b|\bwanna die\b|\bwish i (was|were) dead|\bbetter off (dead|without me)" +
        @"|\b(don'?t|do not|dont) want to (live|be alive|exist|be here)( anymore| any more)?\b|\bno (reason|point) (in |to )?(living|live|go on)|\bpoint (of|in) (going on|carrying on|living|being alive)|\bcan'?t go on\b|\bnot worth living" +
        @"|\b(hurt|hurting|harm|harming|cut|cutting) (myself|my self)|\bending my life|\bnot want to wake up|\bwant to disappear forever" +
        @"|\bgeen uitweg (meer )?(zien|zie|ziet|hebben|heb)\b|\bik zie geen uitweg|\bgeen uitweg meer\b|\bhet hoeft (voor mij |voor mijn part )?(allemaal )?(niet|nie) meer" +
        @"|\b(want to|wanna|wish i could) disappear\b|\bwil (voor altijd |gewoon )?verdwijnen|\bverdwijnen voor altijd|\b(mijn |al mijn |mn |m'n )?spullen (al )?(weg ?gegeven|weg ?geven|weggedaan)|\b(gave|give|giving|given) away (all )?(my|my own) (stuff|things|belongings)|\bnothing matters anymore" +
        @"|\b(ge)?sn(ij|e)(d|den)? in (mijn|mn|m'n) (arm|armen|been|benen|pols|polsen|huid)|\bin (mijn|mn|m'n) (arm|armen|been|benen|pols|polsen) (ge)?sn(ij|e)(d|den)|\bcut(ting)? (into )?my (arm|arms|wrist|wrists|leg|legs|skin)" +
        @"|van het leven (te )?beroven|\bmezelf (van het leven|om het leven)",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SuicideOrSelfHarm();

    // The words for suicide and self-harm themselves. They are in most crisis messages, and also in every question
    // about the topic, in grief and in memories ("hoe herken je suïcidale gedachten", "a colleague died by suicide
    // last year"): alone they are a weak floor, which the model's score must back (ScreenerSettings.WeakFloorAt).
    [GeneratedRegex(@"zelfmoord|zelf ?moord|suicid|zelfdoding|zelf ?doding|selfharm|self[- ]harm|zelfbeschadig|zelf ?beschadig", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TopicWord();

    // A farewell written to say goodbye, and an overdose just taken: warning signs of issue 15 that the model can score
    // low when the message is calm ("bedankt voor alles"); the floor makes them at least possible. Apart from
    // SuicideOrSelfHarm because its non-backtracking automaton has a size limit this would pass.
    [GeneratedRegex(
        @"\b(schrijf|stuur|typ) (dit|je|jullie|u|deze)( \w+){0,2} om afscheid te nemen|\bik neem (hierbij|bij deze) afscheid|\bthis is (my|me) saying goodbye|\bwriting (this )?to say goodbye" +
        @"|\b(took|taken|swallowed|popped) (a (whole )?(bunch|lot|load|handful|pile|box|pack|strip) of|all (of )?my|too many|loads of|way too many) (my )?(meds|pills|tablets|medication|medicine|sleeping pills|painkillers|paracetamol)",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex FarewellOrOverdose();

    // Signs of a plan, a means, a place or a goodbye (sets F and G): a funeral arranged, a rope bought, "whoever finds
    // me", which pills work fastest, cutting again, the gas on, a letter left, "op weg naar het spoor". Non-backtracking:
    // linear in the text, whatever it is.
    [GeneratedRegex(
        @"\b(mijn|m'n|mn) (eigen )?(uitvaart|begrafenis|crematie)\b.{0,25}\b(geregeld|regelen|voorbereid|gepland|uitgezocht)\b|\b(geregeld|regelde|voorbereid)\b.{0,25}\b(mijn|m'n|mn) (eigen )?(uitvaart|begrafenis|crematie)\b" +
        @"|\bmy (own )?funeral\b.{0,25}\b(planned|arranged|sorted|organi[sz]ed|paid)\b|\b(planned|arranged|sorted|organi[sz]ed|paid for) my (own )?funeral\b" +
        @"|\bik ben er (\w+ ){0,3}toch (niet|nie) meer\b|\bben ik er (\w+ ){0,2}toch (niet|nie) meer\b|\b(vandaag|nu|eindelijk) weet ik hoe\b|\b(denk|dacht) (ik )?(elke dag |steeds |vaak )?(na over |aan )?hoe ik het (zou|ga|moet) doen\b|\b(now|today|finally) i know how\b|\bniet dat ik er (\w+ ){0,3}nog ben\b|\bdenk (niet|nie) dat ik er (\w+ ){0,3}nog ben\b|\bwon'?t be (around|here|alive) (anymore|any more|much longer|for much longer|after this (weekend|week))" +
        @"|\b(bought|got|have|ordered) (a|the) rope\b|\b(touw|strop) (al )?(gekocht|gehaald|klaar|besteld|opgehangen)\b|\bwhoever finds me\b|\b(voor )?wie (me|mij) (straks |morgen )?vindt\b" +
        @"|\b(welke|which) (pillen|pills|medicijnen|meds|tabletten) (\w+ ){0,3}(het snelst|fastest|quickest)|\bhoeveel (\w+ ){0,2}(is dodelijk|nodig (is |heb )?om dood)|\bhow many (\w+ ){0,2}(to die|would kill me|is lethal|are lethal)|\b(lethal|dodelijke) (dose|dosis)\b" +
        @"|\b(been )?(cutting|krassen|snijden)( myself)? again\b|\bweer (gekrast|gesneden|aan het krassen|aan het snijden)\b|\bgaskraan (\w+ )?(open ?gezet|open ?gedraaid)|\bturned on the gas\b|\b(tuin)?slang (\w+ ){0,5}uitlaat\b|\bhose (\w+ ){0,3}exhaust\b" +
        @"|\b(afscheids)?(brief|briefje) (voor|aan) (mijn|m'n|mn) (ouders|moeder|vader|kinderen|vrouw|man|vriend|vriendin|partner|familie|zus|broer)\b.{0,20}\b(neergelegd|klaargelegd|achtergelaten)|\b(left|wrote) a (letter|note) for my (parents|mum|mom|dad|kids|children|wife|husband|partner|family)\b" +
        @"|\bop (een|een soort) ongeluk (lijkt|laten lijken)|\blook(s)? like an accident\b|\bwould it be (quick|painless)\b|\b(pijnloos|painlessly)\b.{0,20}\b(dood|die|sterven|end it)|\bwaarom zou ik (nog )?(door ?gaan|verder ?gaan|leven)\b|\bwhy (should|would) i (even )?(go on|keep going|carry on|keep living)\b" +
        @"|\bop weg (is |ben )?naar (het spoor|de brug|de rails|het dak)\b|\bon (my|her|his|the) way to the (tracks|railway|bridge|roof)\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex WarningSigns();

    // "After I'm gone", "als ik er niet meer ben": the writer speaks of a time after their death; not "gone on holiday",
    // "als ik er niet meer ben vanaf juni". Short, with look-aheads, so on the backtracking engine.
    [GeneratedRegex(
        @"\b(after|when|once) i'?m (dead|gone)\b(?! (on|for|to|from|next|this|till|until|at|in)\b)|\b(after|when) i (die|am dead)\b|\bna mijn dood\b" +
        @"|\b(als|wanneer|zodra|nadat) ik (er )?(morgen |straks |vanavond |vannacht |volgende week |na vandaag )?(niet|nie) meer (ben|leef)\b(?! (op|van|in|bij|vanaf|na|tot|volgende|deze|want|per)\b)" +
        @"|\bif i'?m (not|no longer) (here|around|alive) (tomorrow|after tonight|next week)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex AfterImGone();

    // Jumping in front of a train, except in a comparison or a condition ("I'd rather jump under the tram than…").
    [GeneratedRegex(@"\b(jump|jumping|step|stepping|throw myself|throwing myself) (in front of|under) (a|the) (train|bus|truck|lorry|car|tram)|\b(onder|voor) (de|een) (trein|tram|bus|vrachtwagen|auto) (te )?(springen|spring|gooien|lopen|stappen)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex JumpInFront();

    [GeneratedRegex(@"\b(if|als|than|dan|rather|sooner|liever|lol|haha\w*)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Hypothetical();

    // Pills taken or about to be taken in an amount ("een hele strip paracetamol geslikt", "a bottle of paracetamol",
    // "extra of my meds"), and an overdose named as such: self-harm now (corpus G, set F). Not when the message
    // places it in the past ("vroeger", "once", "years ago") unless it is happening again.
    [GeneratedRegex(
        @"\b((een |de |a |the )?(hele |volle |halve |whole |full )?(strip|strips|doos|doosje|pot|potje|fles|flesje|pakje|bottle|box|pack|packet|handful|bunch|load)( of)?|alle|al (mijn|m'n|mn|haar|zijn)|all (of )?(my|her|his)|the rest of (my|her|his)|de rest van (mijn|m'n|mn|haar|zijn)|een stuk of \d+|\d{2,}|twintig|dertig|veertig|vijftig|honderd|twenty|thirty|forty|fifty|hundred|te veel|teveel|too many|too much|extra( of)?( van)?) (\w+ ){0,2}" + Medication + @"\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex PillAmount();

    [GeneratedRegex(@"\b(genomen|geslikt|ingenomen|slik|slikken|nemen|neem|innemen|gespoten|ingespoten|took|taken|swallowed|swallow|popped|take|taking|injected)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Taken();

    [GeneratedRegex(
        @"\boverdos(is|e)\b( \w+){0,3} (genomen|geslikt|geprobeerd|nemen|te nemen|taken|took|tried|take)|\b(een |an )?overdos(is|e) (\w+ )?" + Medication +
        @"|\b(swallowed|took|taken|geslikt|genomen|ingenomen) (everything|all|alles) (in|from|uit) (the |my |het |mijn )?(medicine cabinet|medicijnkast|medicijnkastje)\b|\bod'?d\b|\boverdosed\b(?! on (?!(my |all my |\w+ )?" + Medication + @"))",
        RegexOptions.CultureInvariant)]
    private static partial Regex Overdose();

    [GeneratedRegex(@"\b" + Medication + @"\b|overdos|\bod'?d\b|medicine cabinet|medicijnkast", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MedicationWord();

    private const string Medication = "(pil|pillen|pilletjes|tabletten|tabletjes|medicijnen|medicatie|paracetamol|ibuprofen|slaappillen|antidepressiva|oxazepam|diazepam|temazepam|lorazepam|oxycodon|tramadol|morfine|insuline|codeine|meds|pills|tablets|medication|medicine|sleeping pills|painkillers|antidepressants|insulin|oxycodone|morphine|xanax|valium)";

    // Someone who collapsed, is unconscious or not breathing, now (issue 15's medical emergency). A state that is an
    // emergency by itself, or a collapse with a word of urgency; not in the past, in a joke or in a first-aid drill.
    [GeneratedRegex(@"\b(ademt niet|ademt niet meer|niet meer ademen|not breathing|isn'?t breathing|stopped breathing|unresponsive|niet aanspreekbaar|is (nu )?bewusteloos|is unconscious|blood everywhere|overal bloed|bleeding (badly|heavily|a lot)|bloedt (heel )?(erg|hevig|veel)|(is|zijn|wordt|worden) (\w+ ){0,2}(aan het )?reanimeren|wordt (\w+ ){0,2}gereanimeerd|(is|are) (doing|giving) cpr|(is|are) choking|stikt|(doing|giving) (him|her|them) cpr)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NotBreathing();

    [GeneratedRegex(@"\b(collapsed|fainted|passed out|slumped|unconscious|in ?elkaar ?gezakt|onderuit ?gezakt|flauw ?gevallen|bewusteloos|buiten bewustzijn|(heeft|has|is having|having) (nu |now )?(een |a )?(hartstilstand|hartaanval|heart attack|cardiac arrest|epileptische aanval|seizure|insult))\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Collapse();

    [GeneratedRegex(@"\b(net|zojuist|just|nu|now|what (do|should|can) (i|we) do|wat (moet|moeten|kan) (ik|we)|help|hulp|ambulance|112|reanim\w*|cpr|aed|bloedt|bleeding|not responding|reageert niet)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Urgency();

    [GeneratedRegex(@"\b(drill|oefening|cursus|course|training|bhv)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Exercise();

    [GeneratedRegex(@"\booit\b|(?<!\bat )\bonce\b|lang geleden|long time ago|\bwhen i was\b|\btoen ik\b|\bvroeger\b|\bback in\b|\bin recovery\b|\bsurvived\b|\boverleefd\b", RegexOptions.CultureInvariant)]
    private static partial Regex Behind();

    [GeneratedRegex(@"\b(weer|opnieuw|again)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Again();

    [GeneratedRegex(@"\b(lol|haha\w*|hihi|grapje|joke|joked|jokes|joking|kidding|grapte|als grap|as a joke)\b|\ud83d\ude02|\ud83e\udd23|\ud83d\ude43", RegexOptions.CultureInvariant)]
    private static partial Regex Joke();


    // The phrasings of SuicideOrSelfHarm that need a look-ahead, which the non-backtracking engine does not have.
    [GeneratedRegex(@"\b(thinking|think|thought|talking|talked|talks) (about|of) ending it\b(?! with| between| there| here| on)|\bend (things|everything)\b(?! with| between| there| here| on)|\b(should|could|gonna|going to|will|want to|wanna) (just )?end it\b(?! with| between| there| here| on| for| off)|\bno way out\b(?! of)|\bmaakt (toch |allemaal |voor mij )?(niet|nie) meer uit( wat)?\b(?! of)", RegexOptions.CultureInvariant)]
    private static partial Regex SuicideOrSelfHarmLookAhead();

    // Weapons, rape, calls for help now, violence at someone now: acute unless the model is sure it is not.
    [GeneratedRegex(
        @"\b(heeft|had|met|pakt|trekt) (een )?(mes|pistool|vuurwapen|wapen)\b|\bverkracht|\b(has|had|with|pulled) (a )?(knife|gun|weapon)\b|\braped?\b" +
        @"|\bik ben (nu |op dit moment )?in (acuut )?gevaar|\bi am (in )?danger now|\bi'?m in danger\b|\bin (acute|immediate) danger" +
        @"|\bhelp( me)?[!]* ?(nu|snel|alsjeblieft)[!]*$|\bhelp me now\b|\bmoet ik (de )?(politie|112) bellen|\bshould i call (the police|112|911)" +
        @"|\bjust (been )?(sexually )?(assaulted|attacked|punched|beaten|kicked|stabbed|raped)|\b(is|are|keeps) (hitting|attacking|beating|punching|kicking|stabbing) me" +
        @"|\b(gaat|zal|wil|komt) (me|mij) (\w+ )?(iets|wat) aan ?doen|\b(me|mij) (\w+ )?(iets|wat) aan (gaat|zal|wil|komt) doen|\b(me|mij) (\w+ )?(iets|wat) (gaat|zal|wil) aandoen|\b(hij|zij|ze) staat (\w+ ){0,4}(voor|bij) (mijn|m'n|de) (deur|huis|auto)|\bnet (nog )?(geslagen|aangevallen|mishandeld|geschopt|aangerand|verkracht|gestoken)|\b(heeft|hebben) (\w+ )?(me|mij) (\w+ )?opgesloten\b|\blocked me (in|up)\b|\bjust (followed|grabbed|cornered|locked) me\b|\b(gooit|gooien|smijt|smijten) (met )?(stoelen|een stoel|spullen|dingen|glazen|flessen|een fles) (naar|tegen|door)\b|\b(throwing|throws) (chairs|a chair|things|bottles|a bottle) at\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AcuteAlways();

    // Threats and violence now that AcuteAlways lacked (round 6): "hij me wat aandoet", waiting outside for me, a pair of
    // scissors or a shard at a wrist, someone being beaten now. Strong floors; non-backtracking, linear in the text.
    [GeneratedRegex(
        @"\b(hij|zij|ze) (me|mij) (\w+ )?(iets|wat) aandoet\b|\b(wacht|wachten|staat) (\w+ )?buiten op (me|mij)\b|\bbuiten op (me|mij) (te )?(wacht|wachten|staat te wachten)\b|\bwaiting (for me )?outside (for me)?\b" +
        @"|\b(bedreigt|bedreigd|dreigt|zwaait|staat) (\w+ ){0,3}met (een )?(schaar|glasscherf|scherf|bijl|hamer|knuppel|honkbalknuppel)\b|\b(glasscherf|scherf|schaar|mes|mesje) (\w+ )?(bij|tegen|op) (zijn|haar|mijn|m'n|mn) (pols|polsen|keel|arm|hals)\b|\b(threaten\w*|waving|swinging) (\w+ ){0,3}(a |with a )?(scissors|broken glass|bat|baseball bat|axe|hammer)\b" +
        @"|\b(is|are) (beating|hitting|punching|kicking|stabbing|attacking|strangling|choking) (up )?(him|her|them|someone|somebody|another|my|each other)\b|\b(wordt|worden) (nu |op dit moment |net )(\w+ )?(geslagen|geschopt|mishandeld|in elkaar geslagen|aangevallen|neergestoken)\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AcuteNow();

    [GeneratedRegex(
        @"bedreig|dreigt|dreigen|(^|\s)sla(at|an)?\b|geslagen|aangevallen|valt (me|mij) aan|mishandel|schopt|schoppen|achtervolg|stalk|vermoorden|dood (maken|slaan)|pijn doen|aanrand|aangerand|bang dat (hij|zij|ze) (me|mij)" +
        @"|threaten|\bhit(ting)? me|\bhurt(ing)? me|attack|beat(ing)? me|following me|followed me (into|in|to)|stalking|kill me|going to hurt",
        RegexOptions.CultureInvariant)]
    private static partial Regex Threat();

    [GeneratedRegex(
        @"\bnu\b(?! al\b)(?!.{0,20}\b(weken|maanden|jaar|jaren|dagen|tijdje)\b)|\bop dit moment\b|\bnet (nog )?(gebeurd|geslagen|bedreigd)|\bzojuist\b|\bvoor (mijn|m'n|de) (deur|huis|raam)|\bbij mij (thuis|voor de deur)|\bbuiten (mijn|m'n) (huis|deur)|\bstaat hier\b|\bachter me aan\b|\bvanavond\b" +
        @"|\bright now\b|\bstill (here|there|in the room|in the building|outside)\b|\bnog (steeds )?(hier|in de kamer|in het gebouw|buiten)\b|\bat my (door|house|home)\b|\boutside my (door|house|home)\b|\bjust now\b|\bis here\b|\bcoming (for|after) me\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Immediacy();

    // The words of death, means, harm and despair that both DangerCue and HardDangerCue look for.
    private const string DangerWordsNl = @"dood|doden|sterven|leven|zelfmoord\w*|suicid\w*|pil|pillen|pilletjes|medicijnen|mes|messen|wapen\w*|pistool|spring\w*|trein|dak|brug|snij\w*|gesneden|pijn|aandoen|verkracht\w*|geslagen|slaat|bedreig\w*|politie|112|113|beter af|uitweg|uitzichtloos|hopeloos|wanhopig|verdwijnen";
    private const string DangerWordsEn = @"die|died|dying|dead|death|alive|kill\w*|suicid\w*|pills?|knife|gun|weapon|jump\w*|roof|bridge|cut|cutting|hurt\w*|harm\w*|threat\w*|police|hopeless|desperate|disappear|better off|wake up";

    [GeneratedRegex(
        @"\b(" + DangerWordsNl + @"|overlijden|schaar|gevaar|bang|doodsbang|aangerand|aanrand\w*|sloeg|vecht\w*|gevochten|achtervolg\w*|afscheid\w*|missen|aan ?(gaat |zal |wil |te )?doen|wakker|einde?)\b" +
        @"|\b(" + DangerWordsEn + @"|dies|life|living|scissors|danger|scared|afraid|rape\w*|assault\w*|attack\w*|hit|hitting|beat|beating|punch\w*|goodbye|miss me|go on|going on|be here|ending|end it)\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DangerCue();

    // A threat of serious violence, acute unless it clearly lies in the past ("threatened to fire me" is not one).
    [GeneratedRegex(
        @"\bthreaten\w* (me |us )?(to|with) (hit|hurt|kill|beat|stab|attack|shoot|a knife|a gun)|\bdreigt? (me |mij )?(te )?(slaan|vermoorden|dood te (maken|slaan)|neer te steken|in elkaar te slaan|te steken)" +
        @"|\b(beat|beats|beating) (him|her|me|them) (half )?to death\b|\b(slaat|slaan) (hem|haar|me|mij) (half )?dood\b|\b(he'?ll|she'?ll|they'?ll|will|going to|gonna) (kill|shoot|stab) (us|me|everyone|you|them)|\b(ons|iedereen|jullie|mij|me) (allemaal )?(gaat |zal )?(vermoorden|doodmaken|dood maken|neersteken|neerschieten)",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ViolentThreat();

    // An ordinary reason to say goodbye or to put things in order (see HasOrdinaryReason).
    [GeneratedRegex(
        @"\b(met )?pensioen\w*|\bnieuwe (baan|job|werkgever|functie|werkplek|uitdaging)|\bandere (baan|werkgever|gemeente|afdeling|functie|organisatie)|\bander werk\b|\bcontract (loopt|liep) af|\bcontract (eindigt|stopt|is afgelopen|zit erop)" +
        @"|\bstage (zit erop|is (af|voorbij|afgelopen)|eindigt|stopt)|\blaatste (werkdag|dienst|stagedag|week als|dag als|dag bij|dag hier)|\boverdracht\w*|\bopvolger|\bingewerkt|\w*verlof\b|\bsabbatical|\bvakantie|\boperatie\b|\bgeopereerd|\bverhuiz\w*|\bverhuis\w*" +
        @"|\bmorgen verder\b|\bvoor vandaag\b|\b(ik )?ga (\w+ )?naar huis\b|\bfijn weekend\b|\btot (morgen|maandag|volgende week)\b|\b(going|heading) home\b|\b(have a )?(nice|good|great) weekend\b|\bsee you (tomorrow|monday|next week)\b|\b(ik|i'?ll|i will) (\w+ ){0,2}(boek|book|plan|maak|make) (\w+ ){0,2}(afspraak|appointment|something|iets|gesprek)|\bherinneren aan (mijn|m'n|mn) afspraak|\bremind me\b" +
        @"|\bretir\w*|\bpension\b|\bnew (job|role|position|employer|team|challenge)|\banother (job|company|employer)|\bcontract (ends|ended|is up|ending|runs out|expires)|\binternship|\bintern\b.{0,40}\boff to\b|\boff to (uni|university|college|school|a new)\b|\blast (day|shift|week) (as|at|here)|\bhand ?over\b|\bhandover|\bsuccessor" +
        @"|\b(parental|maternity|paternity|sick|study) leave|\bsabbatical|\bholiday|\bvacation|\bsurgery|\boperation\b|\bmoving (house|to)|\b(switching|moving|going) to (remote|home|hybrid) (work|working)\b|\bremote work\w*|\bthuis ?werk\w*|\brelocat\w*",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex OrdinaryReason();

    // "Dood" and "dead" as an idiom of tiredness, shame, fear, boredom or laughter, and a project that is dead.
    [GeneratedRegex(
        @"\bdood ?(moe|op|ziek van|nerveus|eng|saai|stil)\b|\bdood van (schaamte|de zenuwen|verveling)\b|\bzuigt (\w+ )?het leven uit\b|\bsucks the life out of\b|\b(laptop|computer|pc|printer|telefoon|mobiel|phone|server|auto|car) (\w+ ){0,2}(zelfmoord gepleegd|committed suicide)\b|\bsta(at)? op springen\b|^kill me now\b|\bjust kill me now\b|\b(mijn|m'n|mn) hele leven (al|lang)\b|\ball my life\b|\bmy (whole|entire) life (long|i'?ve|i have)\b|\bdoodmoe\b|\bdoodop\b|\b(me |mij |zich |ze )?dood ?(schaam|schamen|schaamt|schaamde|gelachen|lachen|vervelen|verveel)\w*|\bdood en begraven|\bdood van het lachen|\bkill (myself|me) laughing\b|\b(schaam|schaamt|schaamde|verveel|verveelt|lach|lacht|lachte|erger|ergert|werk|werkt) (me|mij|zich|je|ons) (\w+ )?dood\b" +
        @"|\bdead (tired|on my feet|beat|boring|easy)\b|\b(bored|scared|worried|tickled) to death|\bdying (of|from) (laughter|boredom|embarrassment)|\bdying to (know|see|meet|try|go)",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DeathIdiom();

    // What still speaks of danger next to an ordinary reason: the shared danger words (not DangerCue's farewells), plus a
    // time after the writer, a plan, and the ordinary reason denied.
    [GeneratedRegex(
        @"\b(" + DangerWordsNl + @"|voorgoed|nooit meer|niet meer (zijn|leven|terug)|last (van )?zijn|tot last|er niet meer ben|zonder mij|voorbereid|(is|was) het (dan )?klaar|het is (dan )?klaar" +
        @"|overlijd\w*|touw|pols\w*|mesje|laatste \w+ ooit|stop (ik )?met alles|permanent\w*|besloten|kom niet meer|niet meer kom|ook niet na|rustig onder|klaar mee|toch (niet|nie) meer|ook al|niet weg|er (morgen|straks|vanavond|vannacht) (niet|nie) meer|zoek me niet|als ik weg ben|(mij|me) iets overkomt|iets met (mij|me) gebeurt|planeet" +
        @"|denken dat|dachten dat|denkt dat|dacht dat|niet op vakantie|niet (ga )?verhuizen|geen (andere|nieuwe) (baan|job)|niet nu|niet meer nodig|echt de laatste|niemand weet|weten niet)\b" +
        @"|\b(" + DangerWordsEn + @"|burden|for good|forever|never (come back|coming back|see)|not coming back|when i'?m gone|after i'?m gone|without me|prepared|it'?s (all )?over|it ends" +
        @"|end (my|her|his|their) (own )?life|my last \w+ ever|rope|wrists?|blade|everything else|won'?t be back|wont be back|permanent\w*|decided|don'?t look for me|dont look for me|something happens to me|planet|think i'?m|thought i (was|am)|no (new|other) job|not (on )?(a )?(holiday|vacation|sick leave)|(don'?t|won'?t|wont|not going to) need|really the last|nobody knows|no one knows)\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HardDangerCue();

    // "Niet omdat ik een nieuwe baan heb", "ik ga niet verhuizen": a goodbye or affairs in order with the ordinary reason denied.
    [GeneratedRegex(
        @"\bniet omdat ik (een )?(nieuwe|andere) (baan|job|werkgever)|\bik ga (helemaal )?(niet|nie) (verhuizen|op vakantie)\b|\bga (helemaal )?(niet|nie) (verhuizen|op vakantie), ?(maar|nee)" +
        @"|\bnot because (i have|i'?ve got|i got|of) a new job|\b(and )?no,? not (on )?(a )?(holiday|vacation)\b|\bi'?m not (really )?moving\b|\bi'?m not going on (holiday|vacation)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex DeniedOrdinaryReason();

    // An everyday annoyance as the condition of the words ("als ik nog één keer…", "if i have to … one more …").
    [GeneratedRegex(
        @"\b(als|if) (ik|i) (nog|have to|hear|see|get|sit|need to) (\w+ ){0,6}?((nog )?(een|één|1) ?(keer|x)\b|one more\b)|\bone more (\w+ ){0,3}(and|or) i'?(ll|m)\b|\bnog (een|één|1) (\w+ ){0,3}(en|of) ik\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Hyperbole();

    // "Ik denk niet aan mezelf iets aandoen hoor", "not thinking of hurting myself": the words, explicitly denied.
    [GeneratedRegex(
        @"\b(ik )?denk (er )?(niet|nie) aan (om )?(mezelf|mijzelf|me)\b|\b(ben |ik ben )?(niet|nie) van plan (om )?(mezelf|mijzelf)\b|\bniet suicidaal\b|\b(niets|niks) (ergers|engers|duisterders)\b|\bniet op die manier\b|\bnothing (darker|worse|more) than that\b|\bnot (in )?that way\b|\bnot like that\b|\bgeen (suicidale|zelfmoord) ?gedachten\b" +
        @"|\b(nee|no|nah),? (hoor )?(grapje|geintje|joke|kidding|just kidding)\b|\bjust kidding\b|\bjk\b" +
        @"|\bnot (thinking|planning) (of|about|on|to) (hurting|harming|killing|ending|hurt|harm|kill)\b|\b(i'?m|i am) not (suicidal|going to (hurt|harm|kill) myself)\b|\bno suicidal thoughts\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Denial();

    // Said to be over, in words that mean it went well: "het is gelukkig voorbij", "achter de rug", "sindsdien gaat het
    // beter", "het is nu rustig", "that's behind me", "i'm fine now". Never the bare "het is voorbij" or "it's over", which
    // are goodbyes, and not "ik voel me rustig" or "hij klonk rustig": calm after a decision is a warning sign.
    [GeneratedRegex(
        @"\b(het|dat|alles) is (nu |inmiddels )?(allemaal )?gelukkig (voorbij|achter de rug)\b|\b(het|dat) is inmiddels voorbij\b|\bachter de rug\b|\bsindsdien gaat het (weer )?(beter|goed)\b|\bhet gaat (nu |inmiddels )?(weer )?(beter|goed)( met me| met mij)?\b" +
        @"|\b(het is|is het|alles is) (nu |inmiddels |gelukkig )?(weer )?rustig\b" +
        @"|\bnu (wil|zou) ik (\w+ ){0,4}(praten|bespreken|vertellen|delen|melden|helpen)\b|\bnu (gaat het|gaat 't|gaat t) (\w+ )?(goed|beter)\b|\bnu werk ik\b|\b(zit|is) (hij |zij |ze )?(inmiddels |nu )?(vast|opgepakt|gered)\b|\b(is|zit) (nu |inmiddels )?in (behandeling|therapie)\b|\bkrijgt (nu |inmiddels )?hulp\b|\bniet nu,? maar\b|\b(alles is |het is )?(weer )?rustig nu\b" +
        @"|\b(is|zijn) (nu )?(bij|naar) de (huisarts|crisisdienst|eerste hulp|dokter|psycholoog)\b|\bin goede handen\b|\bin good hands\b|\b(is|he'?s|she'?s) (now )?with (a|her|his|the) (gp|doctor|crisis team)\b" +
        @"|\b(is|he'?s|she'?s|they'?re) (now )?(banned|arrested|in jail|locked up)( now)?\b|\bpolice came\b|\b(heeft|kreeg|kregen) (nu |inmiddels )?(een )?(verbod|contactverbod|gebiedsverbod|huisverbod|straatverbod)\b|\bpolitie (kwam|is gekomen|heeft hem (meegenomen|opgepakt))\b|\b(is|zijn) (nu |inmiddels )?(opgenomen|veilig)\b|\b(is|she'?s|he'?s) (now )?safe\b" +
        @"|\b(i'?m|im|i am) doing (well|good|ok|okay|fine|much better)( now)?\b|\bnow i (work|want to (talk|help))\b|\ball calm now\b|\b(is|he'?s|she'?s) (now )?in (therapy|treatment)\b|\bnot (right )?now,? but\b" +
        @"|\b(it'?s|it is|that'?s|that is) (all )?behind (me|us)( now)?\b|\b(it'?s|it is) (thankfully|luckily) over\b|\b(i'?m|i am) (doing )?(better|fine|ok|okay) now\b|\bdoing (much )?better now\b|\b(it'?s|things are|all is) (quiet|calm) now\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Over();

    // Now, next, still, ongoing: then a past marker does not make it over.
    [GeneratedRegex(
        @"\b(nu|now|vandaag|today|vanavond|tonight|vannacht|morgen|tomorrow|straks|zometeen|deze keer|dit keer|this time|sinds|since|elke dag|every day|iedere dag|ga|gaat|gaan|going to|gonna|zal|zullen|will|won'?t|i'?ll|ll|plan\w*|van plan|wacht|waiting|buiten|outside|onderweg|on (his|her|their) way|komt|coming|bang|doodsbang|scared|afraid|terrified|slaat|schopt|hits|is hitting|beating|kicks|laatste bericht|last message|goodbye|afscheid|vaarwel|testament|geregeld|zeg (tegen|maar)|tell (my|them|her|him|hr)|my last|this is my last|(mijn|m'?n|mn) laatste|alive|in leven)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NowOrNext();

    // A wish to die or to hurt oneself in the present tense: never over.
    [GeneratedRegex(
        @"\b(ik )?(wil|wou|denk aan|denk erover|denk na over) (\w+ ){0,2}(dood|sterven|zelfmoord|niet meer (leven|zijn)|er niet meer (zijn|wezen)|een eind|mezelf|mijzelf)\b|\b(i )?(want|wanna|think about|thinking about|thinking of) (\w+ ){0,2}(die|dying|dead|suicide|end it|end my life|kill\w* myself|hurt\w* myself|not (be )?here)\b|\bdon'?t want to (live|be here|be alive|wake up)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex PresentWish();

    // Signs of danger now that are acute whatever the model says, unless the message says it is over or not real: pills
    // hoarded, a means in view or in hand, on a roof or a ledge to jump, steering into a tree, "when they find me", not sure
    // to be here in two weeks, violence heard now, hiding from someone, fresh cuts (set J, corpus K). Non-backtracking.
    [GeneratedRegex(
        @"\b(pillen|pilletjes|medicijnen|tabletten|slaappillen|paracetamol|oxazepam|pills|meds|tablets|sleeping pills|painkillers|paracetamol|insulin pens?|insulinepennen) (\w+ ){0,3}(spaart|spaar|sparen|gespaard|opgespaard|verzamel\w*|hamster\w*)\b" +
        @"|\b(spaart|spaar|sparen|gespaard|verzamelt|verzamel|verzameld|hamstert|hamster) (\w+ ){0,4}(pillen|pilletjes|medicijnen|tabletten|slaappillen|paracetamol)\b|\b(saving up|stockpiling|hoarding|collecting|saved up|stockpiled|hoarded) (\w+ ){0,2}(pills|meds|tablets|sleeping pills|painkillers|paracetamol)\b" +
        @"|\bbuying (\w+ ){0,2}(paracetamol|pills|painkillers|sleeping pills) (at|in|from) (different|several|other) |\bbij (verschillende|allerlei|andere) (winkels|drogisten|apotheken) (\w+ ){0,3}(paracetamol|pillen|pilletjes|medicijnen)" +
        @"|\b(zit|zat|sta|staar|kijk|kijken|kijkt) (\w+ ){0,3}(naar )?(de |het |mijn |mn |m'n |die )?(pillen|pilletjes|messen|mes|mesje|mesjes|touw|strop|scheermesje|scheermesjes) (te )?(staren|kijken|te kijken)?\b|\b(staring|looking|stare) (\w+ ){0,2}at (the |my |those )?(pills|knives|knife|rope|blade|blades|razor)\b" +
        @"|\b(het |de |een )?(touw|strop|mes|mesje|pillen|pilletjes|medicijnen|tabletten|slaappillen) (ligt|liggen|hangt|staat|staan) (\w+ ){0,2}klaar\b|\b(rope|knife|blade|pills) (is |are )?(ready|laid out|on the table in front of me)\b|\b(holding|hold) (a |the |my )?(blade|knife|razor) (to|against) (my )?(wrist|arm|throat)" +
        @"|\bstuur (\w+ )?om ?(te )?(gooien|gooi)\b|\b(tegen een|tegen de|into a|into the) (boom|muur|pijler|vrachtwagen|tree|wall|pillar|truck|lorry) (aan )?(rijden|rij|te rijden|te knallen|drive|driving|crash\w*|steer\w*)\b|\b(drive|crash|steer|swerve) (\w+ ){0,2}(into|off) (a|the) (tree|wall|bridge|truck|lorry|oncoming)",
        RegexOptions.CultureInvariant)]
    private static partial Regex SureMeans();

    // More sure signs, in two parts for the non-backtracking engine's size limit.
    [GeneratedRegex(
        @"\bmade (my )?peace with (it|everything|this)\b.{0,40}\b(date|tonight|decided|decision)\b|\bmade up my mind (\w+ ){0,2}(tonight|this weekend)\b" +
        @"|\bwhen (they|someone|somebody|people) find(s)? me\b|\bals (ze|iemand|men) (me|mij) (straks |morgen |later )?(vind|vinden|vindt)\b" +
        @"|\b(weet niet|niet zeker|geen idee) of ik er (\w+ ){0,4}nog (ben|zal zijn)\b|\b(don'?t|dont|do not) think i'?ll (make it|be (here|around|alive)) (till|until|to|by|for)\b|\b(by|after) (next week|tomorrow|tonight|friday|the weekend) it (won'?t|wont|will not) matter\b" +
        @"|\b(hoor|hoort|horen|hear|hearing)\b.{0,60}\b(gillen|gegil|om hulp|slaat|slaan|mishandelt|aan het slaan|in elkaar slaan|hitting|beating|screaming for help|calling for help|crying for help)\b|\b(binnengestormd|binnen gestormd|komt binnenstormen|stormed in|burst in|barged in)\b" +
        @"|\b(me|mij|mezelf) (\w+ )?(verstopt|verschuild|opgesloten) (\w+ ){0,2}(op|in) (de|het|een) (wc|toilet|kast|kantoor|archief)\b|\b(verstop|verstopt|verschuil|verschuilt) (me|mij|mezelf|ik me|zich) (\w+ ){0,3}(op|in|achter|onder) (de|het|een) (wc|toilet|kast|kantoor|bureau|bus|auto|archief)|\b(hiding|hide|locked myself|i'?m locked) (\w+ ){0,2}in (the|a) (toilet|bathroom|wc|loo|closet|cupboard|office|van|storage)" +
        @"|\b(staat|is|zijn) (\w+ ){0,4}(met )?(dingen|spullen|stoelen|glazen|flessen) te (gooien|smijten)\b" +
        @"|\b(krasjes|krassen|sneetjes|snijwonden|wondjes) (\w+ ){0,2}(op|in) (mijn|mn|m'n) (arm|armen|been|benen|pols|polsen|huid|buik|dijen)\b (\w+ ){0,2}(gemaakt|gezet)|\b(made|put) (fresh |new )?(cuts|scratches) (on|in) my (arm|arms|legs|leg|wrists|wrist|skin|thighs)",
        RegexOptions.CultureInvariant)]
    private static partial Regex SureSigns();

    // The sure signs that need a look-ahead: a roof, a ledge or a bridge with a jump, not "jump at the chance".
    [GeneratedRegex(
        @"\b(dak|brug|vensterbank|richel|balkon|perron|roof|ledge|bridge|balcony|windowsill|window sill|rooftop|railing)\b.{0,60}\b(springen|spring|springt|jump|jumping)\b(?! (op|in|bij|at|on|in|to|into the (pool|water|car|meeting)|off the (bus|call)))" +
        @"|\b(springen|spring|springt|jump|jumping)\b.{0,30}\b(van|vanaf|off|from) (het|de|een|the|a) (dak|brug|flat|balkon|roof|bridge|ledge|balcony|building|gebouw)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex SureSignsLookAhead();

    // Signs the model scored low on a corpus change (round 6): a means counted, a trip of no return, "i will disappear
    // tonight", a rope laid out, "you won't have to deal with me much longer", a knife brought tomorrow. Strong floors.
    [GeneratedRegex(
        @"\bhow many (of )?(my |these |the |her |his )?(\w+ )?(pills|meds|tablets|sleeping pills|painkillers|insulin pens|pens|paracetamol)\b (\w+ )?(would|does|do|will) (it|i) (take|need)\b" +
        @"|\bhoeveel (\w+ ){0,2}(pillen|pilletjes|medicijnen|tabletten|slaappillen|insulinepennen|paracetamol) (\w+ )?(heb ik nodig|zijn (er )?nodig|moet ik (nemen|slikken|innemen|spuiten))\b" +
        @"|\b(rij|rijd|knal) (ik )?(\w+ )?(tegen|in) (een|de) (boom|muur|pijler|vrachtwagen)\b|\breis waar(van)? ik (niet|nooit) (meer )?(van )?terug ?kom\b|\b(a )?(trip|journey) (i|that i) (won'?t|will not|wont) (come|be coming) back from\b" +
        @"|\b(i will|i'?ll|ik ga|ik zal) (\w+ )?(disappear|verdwijnen) (tonight|vanavond|vannacht|voorgoed|for good|forever)\b|\bverdwijnen\W{1,3}voorgoed\b|\bdisappear\W{1,3}(for good|forever)\b" +
        @"|\b(touw|strop) (\w+ ){0,4}(gelegd|neergelegd|klaargelegd|klaar gelegd)\b|\b(eigenlijk|gewoon|echt) dood wil(t)?\b" +
        @"|\b(won'?t|wont|will not) have to (deal with|put up with|worry about|see) me (much |any )?(longer|anymore|any more)\b|\b(niet lang meer|nooit meer) (last van|met) (me|mij)\b" +
        @"|\b(mes|wapen|pistool|knife|gun|weapon) (\w+ )?(meeneemt|meenemen|mee nemen|meebrengt|bring|brings|bringing)\b|\b(medicijnkast|pillen|medicine cabinet|pills)\b.{0,60}\b(laten stoppen|make it (all )?stop)\b" +
        @"|\bniet (voor|vanwege|wegens) (ontslag|een nieuwe baan|pensioen)\b|\bnot (for|because of) (a new job|retirement|leaving)\b" +
        @"|\bdreigt (\w+ ){0,3}(neer te steken|dood te (maken|slaan)|te vermoorden|in elkaar te slaan)\b",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MoreSigns();

    // Someone else who says they will hurt or kill themselves (set B's phone call): SuicideOrSelfHarm speaks in the first person.
    [GeneratedRegex(
        @"\bzich(zelf)? (\w+ ){0,2}(iets|wat) (aan ?(te )?doen|aandoet|aandoen|gaat aandoen)\b|\bzichzelf (van kant|van het leven|op ?hangen|ophangt)|\b(zijn|haar) (eigen )?leven (te )?(beeindigen|beeindigt|nemen|neemt)\b|\ber (zelf )?een eind(e)? aan (te )?(maken|maakt)\b" +
        @"|\b(kill|hurt|harm|kills|hurts|harms|killing|hurting|harming) (himself|herself|themselves|themself)\b|\bend (his|her|their) (own )?life\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex OtherSuicidal();

    // Pets and plants given away: a warning sign unless an ordinary reason is named (a move, a new job, leave).
    [GeneratedRegex(
        @"\b(mijn|mn|m'n|my) (kat|katten|poes|hond|honden|cat|cats|dog|dogs|planten|plants) (gaat|gaan|go|goes|is going|are going) (\w+ ){0,2}(naar|to)\b|\b(gave|given|give|giving|geef|gegeven|weggegeven|weg ?gegeven) (away )?(\w+ ){0,1}(my|mijn|mn|m'n) (cat|cats|dog|dogs|plants|kat|katten|hond|planten)\b|\b(mijn|mn|m'n) (kat|hond|planten) (\w+ ){0,2}(weggegeven|weg ?gegeven|ondergebracht)",
        RegexOptions.CultureInvariant)]
    private static partial Regex GivingAway();

    [GeneratedRegex(@"\b(now|tonight|vannacht|zometeen|straks)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NowWord();

    // In the news, a film, a game, a course; a joke the other did not mean (see NotReal).
    [GeneratedRegex(
        @"\b(stond in de krant|in de krant|op het nieuws|in het nieuws|op tv|op televisie|filmpje|documentaire|docu|film|podcast|on the news|in the news|in the paper|on tv|documentary|tv show|movie|podcast|novel)\b" +
        @"|\b(wat (moet|kan|doe) (ik|je|we)( dan)? (doen )?als|what (do|should|can) (i|we|you) do (if|when)|hoe (moet|kan|moeten) (ik|je|we|ze) (\w+ ){0,3}(reageren|handelen|omgaan|helpen|steunen) als|how (do|should|can) (i|we|you) (support|help|respond to|react to|deal with)) (een|iemand|a|an|someone|somebody)\b|\b(richtlijn|protocol|asking as a|als hulpverlener|as a support worker)\b" +
        @"|\b(welke|wat zijn) (de )?(signalen|tekenen|waarschuwingssignalen)\b|\b(are there|what are) (the |any )?(warning )?signs\b|\bals (een|iemand) (\w+ ){0,12}(wat moet|hoe moet|wat doe|wat kan) (ik|je|we)\b|\bif (a|someone|somebody) (\w+ ){0,12}what (do|should|can) (i|we)\b|\b(mag|moet|kan) (ik|je) (112|113|de politie) bellen als\b|\b(should|can|may) i call (112|113|the police) (if|when)\b" +
        @"|\bwat (zeg|moet|kan) (je|ik|we) (zeggen )?(tegen|als|wanneer) (iemand|een)\b|\bwhat (do|should|can) (i|you|we) say (to|when|if) (someone|somebody|a|an)\b|\b(voorbereid (zijn|te zijn)|be prepared|want to be prepared)\b" +
        @"|\b(bhv|ehbo|first aid|cursus|training|course|workshop|oefening|drill)\b|\b(maakte|maakt|made) (\w+ ){0,2}(een )?(grap|joke)\b|\b(meent|meende) (het|dat) (echt )?(niet|nie)\b|\b(didn'?t|doesn'?t|did not|does not) mean it\b|\b(was|is) (maar |just |only )?(een |a )?(grap|joke|grapje)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NotRealMarker();

    // Clearly in the past: then it is not acute, whatever the words (the regexes above still win).
    [GeneratedRegex(
        @"\b(vorig|vorige) (jaar|maand|week)|\b(jaren|maanden|weken|jaar|maand) (geleden|terug)\b|\bin (19|20)\d\d\b|\blast (year|month|week)|\b(years|months|weeks|a year|a month) ago",
        RegexOptions.CultureInvariant)]
    private static partial Regex LongAgo();
}
