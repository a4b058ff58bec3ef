/**
 * Injection marker families in Spanish, French, German, Portuguese, Italian and Dutch, over the
 * latin view (lower case, accents stripped, `ß` → `ss`), so `instrucción` and `instruccion` are
 * one spelling. Each language covers override, role switch, evaluator-addressed, output forcing,
 * secret extraction and rubric refusal. Any change bumps GUARDRAIL_SET_VERSION.
 */
import { familyMarkers, type Family, type InjectionMarker } from "./injection-marker-types.js";

const W = "(?:[\\w'-]+\\s+)";

const ES: Family = {
  override: [
    `\\b(?:olvida|olvide|ignora|ignore|olvidad)\\s+(?:todo )?lo que (?:te|le|os|les) (?:dijeron|han dicho|indicaron|ordenaron|pidieron|dije)\\b|\\bsigue (?:solo|solamente|unicamente) (?:estas|mis) (?:ordenes|instrucciones)\\b`,
    `\\b(?:ignora|ignore|ignorad|ignoren|olvida|olvide|olvidad|olviden|descarta|descarte|omite|omita|haz caso omiso de|no hagas caso (?:a|de))\\s+${W}{0,3}?(?:instrucciones|instruccion|indicaciones|ordenes|reglas|directrices|normas|consignas)\\s+${W}?(?:anteriores|previas|precedentes|originales|iniciales|del sistema|de arriba|recibidas)`,
    `\\b(?:ignora|ignore|ignorad|olvida|olvide|descarta|omite)\\s+(?:todas las|todas tus|todas sus|tus|sus) (?:instrucciones|indicaciones|reglas|ordenes)`,
    `\\b(?:nuevas|verdaderas) (?:instrucciones|ordenes|indicaciones)\\s*:`,
  ],
  "role-switch": [
    `\\b(?:ahora eres|ahora es usted|a partir de ahora eres|desde ahora eres|finge (?:que eres|ser)|finja (?:que es|ser)|actua como|actue como|comportate como|haz (?:el papel|de))\\s+${W}{0,3}?(?:un |una |el |la )?(?:ia|asistente|modelo|evaluador|juez|calificador|dan|sin (?:reglas|restricciones|filtros|limites))\\b`,
  ],
  "evaluator-addressed": [
    `\\b(?:nota|mensaje|instrucciones?|atencion|aviso)\\s*,?\\s+(?:para|al|a la|a los|a)\\s+(?:el |la |los |las |cualquier )?(?:ia|evaluador(?:es)?|juez|calificador(?:es)?|modelo evaluador|modelo de lenguaje|revisor automatico|corrector automatico)\\b`,
    `\\bsi (?:eres|es usted) (?:una |un )?(?:ia|modelo de lenguaje|inteligencia artificial|evaluador automatico)\\b`,
  ],
  "output-forcing": [
    `\\b(?:responde|responda|contesta|conteste|devuelve|devuelva|escribe)\\s+${W}{0,2}?(?:solo|solamente|unicamente)\\s+(?:con\\s*)?(?:[:"'{]|json|aprobado|true\\b|1(?:\\.0)?\\b|10\\b)`,
    `\\b(?:puntua|puntue|califica|califique|evalua|evalue|valora|dale|dele|da|asigna|asigne)\\s+(?:a\\s+)?(?:este|esta|el|la)\\s+(?:borrador|correo|mensaje|texto|respuesta)\\s+(?:con\\s+)?(?:un\\s+|una\\s+|la\\s+)?(?:10|1(?:\\.0)?|100|maxima|perfect[oa]|nota maxima|puntuacion maxima)`,
    `\\b(?:este|esta) (?:borrador|correo|mensaje|texto|respuesta) (?:debe|tiene que) (?:ser aprobad[oa]|aprobarse|pasar)\\b(?! por\\b)`,
  ],
  "secret-extraction": [
    `\\b(?:revela|revele|muestra|muestrame|muestre|imprime|repite|dime|digame|ensename|comparte)\\s+${W}{0,2}?(?:tu |tus |su |sus |el |la |las |los )?(?:prompt|instrucciones (?:del sistema|de sistema|ocultas|internas|originales)|mensaje del sistema|lista de (?:frases|palabras|expresiones)|rubrica|criterios (?:internos|ocultos|de evaluacion))`,
  ],
  "rubric-refusal": [
    `\\b(?:no (?:sigas|siga|apliques|aplique|uses|use|tengas en cuenta|respetes|cumplas)|ignora|ignore|omite|saltate|salta)\\s+${W}{0,2}?(?:la rubrica|las rubricas|los criterios de (?:evaluacion|puntuacion|calificacion)|las reglas de evaluacion|las directrices de evaluacion|las pautas de evaluacion)`,
  ],
};

const FR: Family = {
  override: [
    `\\b(?:oublie[sz]?|ignore[sz]?)\\s+(?:tout )?ce qu(?:'on|e l'on|e) (?:t'a|vous a) (?:dit|demande|ordonne|indique)\\b|\\bne tiens? pas compte des (?:regles|consignes|instructions)\\b|\\bne tenez pas compte des (?:regles|consignes|instructions)\\b`,
    `\\b(?:ignore[rsz]?|oublie[rsz]?|neglige[rsz]?|ne tiens pas compte des|ne tenez pas compte des|fais abstraction des|faites abstraction des|annule[rsz]?|passe[rsz]? outre)\\s+${W}{0,3}?(?:instructions?|consignes?|regles|directives?|ordres|indications)\\s+${W}?(?:precedentes?|anterieures?|ci-dessus|initiales?|originales?|du systeme|d'origine|recues)`,
    `\\b(?:ignore[rsz]?|oublie[rsz]?)\\s+(?:toutes (?:les|tes|vos)|tes|vos) (?:instructions|consignes|directives)`,
    `\\bnouvelles? (?:instructions|consignes|directives)\\s*:`,
  ],
  "role-switch": [
    `\\b(?:tu es|vous etes|tu deviens|vous devenez)\\s+(?:desormais|maintenant|a present|dorenavant)\\s+${W}{0,3}?(?:une? |l')?(?:ia|assistant|modele|evaluateur|juge|correcteur|dan|sans (?:regles|restrictions|filtres|limites))\\b`,
    `\\b(?:fais|faites) semblant d'etre\\b|\\b(?:joue|jouez) le role d(?:e |'|u )${W}{0,2}?(?:ia|assistant|modele|evaluateur|juge|correcteur|sans)\\b|\\b(?:agis|agissez|comporte-toi|comportez-vous) (?:comme|en tant que) (?:une? )?(?:ia|assistant|modele|evaluateur|juge|correcteur)\\b`,
  ],
  "evaluator-addressed": [
    `\\b(?:note|message|instructions?|remarque|attention|avis)\\s+(?:a|pour|aux?)\\s+(?:l'|le |la |les )?(?:ia|evaluateur|evaluateurs|correcteur|correcteurs|juge|modele d'evaluation|modele de langage)\\b`,
    `\\ba l'attention (?:de l'|du |des )(?:ia|evaluateur|evaluateurs|correcteur|modele)\\b|\\bsi (?:tu es|vous etes) (?:une |un )?(?:ia|intelligence artificielle|modele de langage)\\b`,
  ],
  "output-forcing": [
    `\\b(?:reponds?|repondez|renvoie[sz]?|retourne[sz]?|ecris|ecrivez)\\s+${W}{0,2}?(?:uniquement|seulement|simplement)\\s+(?:par\\s*|avec\\s*)?(?:[:"'{]|json|approuve|valide|true\\b|1(?:\\.0)?\\b|10\\b)`,
    `\\b(?:donne[sz]?|attribue[sz]?|mets|mettez)\\s+${W}{0,3}?(?:la note (?:maximale|de 10|parfaite)|une note (?:maximale|parfaite|de 10)|10\\/10|un score (?:parfait|maximal|de 1|de 10))`,
    `\\b(?:note|evalue|evaluez|notez)\\s+(?:ce|cet|cette) (?:brouillon|e-?mail|courriel|message|texte)\\s+${W}?(?:10|1(?:\\.0)?|parfait|au maximum)`,
    `\\b(?:ce|cet|cette) (?:brouillon|e-?mail|courriel|message|texte) doit etre (?:approuve|valide|accepte)\\b(?! par\\b)`,
  ],
  "secret-extraction": [
    `\\b(?:revele[sz]?|montre[sz]?|montre-moi|montrez-moi|affiche[sz]?|repete[sz]?|donne-moi|donnez-moi|communique[sz]?|divulgue[sz]?)\\s+${W}{0,2}?(?:ton |votre |le |la |les |tes |vos )?(?:prompt|instructions (?:systeme|du systeme|cachees|initiales|internes)|consignes (?:systeme|cachees|internes)|message systeme|liste des (?:phrases|mots|expressions)|grille d'evaluation|criteres (?:internes|caches|d'evaluation)|regles (?:internes|cachees))`,
  ],
  "rubric-refusal": [
    `\\b(?:ne (?:suis|suivez|applique|appliquez|respecte|respectez|tiens compte|tenez compte) pas|ignore[zs]?|oublie[zs]?)\\s+(?:de\\s+)?${W}{0,2}?(?:la grille(?: d'evaluation)?|les criteres (?:d'evaluation|de notation)|le bareme|les regles d'evaluation)`,
  ],
};

const DE_Q = "(?:alle|samtliche|vorherigen?|vorigen?|bisherigen?|obigen?|vorangegangenen?|ursprunglichen?|fruheren?|deine|ihre|system)";
const DE: Family = {
  override: [
    `\\b(?:vergiss|vergessen sie|ignoriere|ignorieren sie),? was (?:man )?(?:dir|ihnen) (?:gesagt|befohlen|aufgetragen) (?:wurde|hat)\\b`,
    `\\b(?:ignoriere|ignorier|ignorieren sie|vergiss|vergessen sie|missachte|missachten sie|verwirf|verwerfen sie|uberschreibe)\\s+${W}{0,2}?${DE_Q}\\s+${W}{0,2}?(?:anweisungen|anweisung|instruktionen|befehle|regeln|vorgaben|richtlinien|anordnungen|prompts?|systemanweisungen)`,
    `\\b(?:neue|neuen|echte) (?:anweisungen|instruktionen|befehle)\\s*:|\\b(?:vorherigen|bisherigen|obigen) anweisungen (?:sind|gelten) (?:ab sofort |jetzt |nicht mehr )?(?:ungultig|aufgehoben|nichtig)`,
  ],
  "role-switch": [
    `\\b(?:du bist|sie sind) (?:jetzt|ab jetzt|nun|ab sofort|von nun an)\\s+${W}{0,3}?(?:eine? )?(?:ki|assistent|modell|bewerter|prufer|richter|gutachter|dan|ohne (?:regeln|einschrankungen|filter))\\b`,
    `\\b(?:tu|tun sie) so,? als (?:ob |warst du |waren sie )?${W}{0,4}?(?:ki|bewerter|prufer|richter|modell|ohne regeln|ohne einschrankungen)\\b|\\b(?:handle|agiere|verhalte dich|antworte) (?:ab jetzt |jetzt )?als (?:eine? )?(?:ki|assistent|modell|bewerter|prufer|uneingeschrankte)\\b|\\b(?:entwickler|gott)-?modus\\b`,
  ],
  "evaluator-addressed": [
    `\\b(?:hinweis|nachricht|anweisung|notiz|achtung|hallo|liebe|lieber)\\s+(?:an |fur )?(?:die |den |das |alle |jede )?(?:ki|bewertungs-?ki|bewerter(?:in)?|prufer(?:in)?|gutachter|sprachmodell|bewertungsmodell|llm)\\b(?!-?(?:team|abteilung|firma|unternehmen|branche|projekt))`,
    `\\b(?:falls|wenn) (?:du|sie) (?:eine? )?(?:ki|kunstliche intelligenz|sprachmodell|llm) (?:bist|sind)\\b`,
  ],
  "output-forcing": [
    `\\b(?:antworte|antworten sie|gib|geben sie|gibt)\\s+${W}{0,2}?(?:nur|ausschliesslich|lediglich)\\s+(?:mit\\s*)?(?:[:"'{]|json|bestanden|genehmigt|true\\b|1(?:\\.0)?\\b|10\\b)`,
    `\\b(?:bewerte|bewerten sie|benote|benoten sie|gib|geben sie)\\s+${W}{0,3}?(?:die (?:hochste|beste|maximale|volle) (?:punktzahl|note|bewertung)|volle punktzahl|10 von 10|10\\/10|eine perfekte (?:note|bewertung|punktzahl))`,
    `\\b(?:dieser|diesen|diese) (?:entwurf|e-?mail|nachricht|text) (?:muss|soll) (?:genehmigt|bestanden|freigegeben|angenommen) werden\\b`,
  ],
  "secret-extraction": [
    `\\b(?:zeige?|zeigen sie|verrate|verraten sie|gib|geben sie|wiederhole|nenne|nennen sie|drucke)\\s+(?:mir\\s+)?${W}{0,2}?(?:deinen |ihren |den |die |deine |ihre )?(?:system-?prompt|prompt|systemanweisungen|(?:versteckten|geheimen|internen|ursprunglichen) (?:anweisungen|regeln|kriterien)|liste der (?:spam-?phrasen|phrasen|worter|begriffe)|spam-?liste|bewertungskriterien|bewertungsraster|rubrik)`,
  ],
  "rubric-refusal": [
    `\\b(?:befolge|befolgen sie|beachte|beachten sie|wende|wenden sie)\\s+${W}{0,3}?(?:bewertungskriterien|rubrik|bewertungsraster|bewertungsregeln)\\s+${W}{0,4}?nicht\\b|\\b(?:halte dich|halten sie sich) nicht an (?:die |das )?(?:bewertungskriterien|rubrik|bewertungsraster|bewertungsregeln)`,
    `\\b(?:ignoriere|ignorieren sie|uberspringe|uberspringen sie)\\s+${W}{0,2}?(?:die |das )?(?:bewertungskriterien|rubrik|bewertungsraster|bewertungsregeln)\\b`,
  ],
};

const PT: Family = {
  override: [
    `\\b(?:esqueca|esquece|ignore|ignora)\\s+(?:tudo )?o que (?:te|lhe|voce) (?:disseram|foi dito|mandaram|pediram)\\b`,
    `\\b(?:ignore|ignora|ignorem|esqueca|esquece|esquecam|desconsidere|desconsidera|descarte|despreze)\\s+${W}{0,3}?(?:instrucoes|instrucao|orientacoes|regras|diretrizes|comandos|ordens)\\s+${W}?(?:anteriores|previas|acima|originais|iniciais|do sistema|recebidas)`,
    `\\b(?:ignore|ignora|esqueca|esquece|desconsidere)\\s+(?:todas as|as suas|suas|tuas) (?:instrucoes|regras|orientacoes|ordens)`,
    `\\bnovas (?:instrucoes|ordens|orientacoes)\\s*:`,
  ],
  "role-switch": [
    `\\b(?:agora voce e|voce agora e|a partir de agora,? voce e|finja (?:que e|ser|que voce e)|aja como|atue como|comporte-se como)\\s+${W}{0,3}?(?:uma? |o |a )?(?:ia|assistente|modelo|avaliador|juiz|corretor|dan|sem (?:regras|restricoes|filtros|limites))\\b`,
  ],
  "evaluator-addressed": [
    `\\b(?:nota|mensagem|instrucoes?|atencao|aviso)\\s*,?\\s+(?:para|ao|a|aos)\\s+(?:o |a |os |qualquer )?(?:ia|avaliador(?:es)?|juiz|corretor|modelo avaliador|modelo de linguagem|revisor automatico)\\b`,
    `\\bse voce (?:e|for) (?:uma? )?(?:ia|inteligencia artificial|modelo de linguagem)\\b`,
  ],
  "output-forcing": [
    `\\b(?:responda|responde|retorne|devolva|escreva)\\s+${W}{0,2}?(?:apenas|somente|so)\\s+(?:com\\s*)?(?:[:"'{]|json|aprovado|true\\b|1(?:\\.0)?\\b|10\\b)`,
    `\\b(?:de|da|atribua|coloque)\\s+${W}{0,3}?(?:nota maxima|nota 10|pontuacao maxima|pontuacao perfeita|10\\/10|nota perfeita)`,
    `\\b(?:este|esse|esta|essa) (?:rascunho|e-?mail|mensagem|texto) (?:deve|tem que) ser aprovad[oa]\\b(?! pel)`,
  ],
  "secret-extraction": [
    `\\b(?:revele|mostre|mostra|imprima|repita|diga|me diga|exiba|compartilhe)\\s+${W}{0,2}?(?:o |a |os |as |seu |sua |suas |seus )?(?:prompt|instrucoes (?:do sistema|ocultas|internas|originais)|mensagem do sistema|lista de (?:frases|palavras|expressoes)|rubrica|criterios (?:internos|ocultos|de avaliacao))`,
  ],
  "rubric-refusal": [
    `\\b(?:nao (?:siga|aplique|use|considere|respeite|cumpra)|ignore|pule)\\s+${W}{0,2}?(?:a rubrica|os criterios de (?:avaliacao|pontuacao)|as regras de avaliacao|as diretrizes de avaliacao)`,
  ],
};

const IT: Family = {
  override: [
    `\\b(?:dimentica|dimenticate|ignora|ignorate)\\s+(?:tutto )?(?:quello|cio) che ti (?:hanno detto|e stato detto|hanno chiesto)\\b`,
    `\\b(?:ignora|ignorate|ignori|dimentica|dimenticate|dimentichi|trascura|tralascia|non considerare|scarta)\\s+${W}{0,3}?(?:istruzioni|istruzione|indicazioni|regole|direttive|ordini|comandi)\\s+${W}?(?:precedenti|sopra|originali|iniziali|del sistema|ricevute|di prima)`,
    `\\b(?:ignora|ignorate|dimentica|dimenticate)\\s+(?:tutte le|le tue|le sue) (?:istruzioni|regole|indicazioni)`,
    `\\bnuove (?:istruzioni|direttive)\\s*:`,
  ],
  "role-switch": [
    `\\b(?:ora sei|adesso sei|da ora in poi sei|d'ora in poi sei|fingi di essere|fai finta di essere|comportati come|agisci come)\\s+${W}{0,3}?(?:una? |l'|il )?(?:ia|assistente|modello|valutatore|giudice|correttore|dan|senza (?:regole|restrizioni|filtri|limiti))\\b`,
  ],
  "evaluator-addressed": [
    `\\b(?:nota|messaggio|istruzioni|attenzione|avviso)\\s*,?\\s+(?:per|al|alla|all'|ai)\\s*(?:il |la |l')?(?:ia|valutatore|valutatori|giudice|correttore|modello valutatore|modello linguistico|revisore automatico)\\b`,
    `\\bse sei (?:una? |un')?(?:ia|intelligenza artificiale|modello linguistico|modello di linguaggio)\\b`,
  ],
  "output-forcing": [
    `\\b(?:rispondi|risponda|restituisci|scrivi)\\s+${W}{0,2}?(?:solo|soltanto|unicamente|esclusivamente)\\s+(?:con\\s*)?(?:[:"'{]|json|approvato|true\\b|1(?:\\.0)?\\b|10\\b)`,
    `\\b(?:dai|date|assegna|assegnate|metti)\\s+${W}{0,3}?(?:il punteggio massimo|punteggio massimo|un punteggio perfetto|10\\/10|il voto massimo|voto massimo|10 su 10)`,
    `\\b(?:questa|questo) (?:bozza|e-?mail|messaggio|testo) deve essere approvat[oa]\\b(?! da\\b)`,
  ],
  "secret-extraction": [
    `\\b(?:rivela|mostra|mostrami|stampa|ripeti|dimmi|elenca)\\s+${W}{0,2}?(?:il |la |le |i |tuo |tua |tue |tuoi )?(?:prompt|istruzioni (?:di sistema|del sistema|nascoste|interne|originali)|messaggio di sistema|elenco delle (?:frasi|parole)|lista delle (?:frasi|parole)|rubrica di valutazione|criteri (?:interni|nascosti|di valutazione))`,
  ],
  "rubric-refusal": [
    `\\b(?:non (?:seguire|applicare|usare|considerare|rispettare)|ignora|salta)\\s+${W}{0,2}?(?:la rubrica|i criteri di (?:valutazione|punteggio)|le regole di valutazione|la griglia di valutazione)`,
  ],
};

const NL: Family = {
  override: [
    `\\b(?:vergeet|negeer)\\s+(?:alles )?wat (?:je|jou|u) (?:is|werd) (?:verteld|opgedragen|gezegd)\\b`,
    `\\b(?:negeer|vergeet|verwerp|negeren|vergeten)\\s+${W}{0,3}?(?:alle|vorige|eerdere|voorgaande|bovenstaande|oorspronkelijke|je|jouw|uw|de systeem)\\s+${W}{0,2}?(?:instructies|instructie|aanwijzingen|regels|richtlijnen|opdrachten|prompts?)`,
    `\\bnieuwe (?:instructies|opdrachten)\\s*:`,
  ],
  "role-switch": [
    `\\b(?:je bent nu|jij bent nu|u bent nu|vanaf nu ben je|doe alsof je|gedraag je als|speel de rol van|treed op als)\\s+${W}{0,3}?(?:een )?(?:ai|ki|assistent|model|beoordelaar|jurylid|dan|zonder (?:regels|beperkingen|filters))\\b`,
  ],
  "evaluator-addressed": [
    `\\b(?:notitie|bericht|instructie|let op|aandacht|beste|hallo)\\s*,?\\s*(?:voor |aan )?(?:de |het |alle )?(?:ai|beoordelaar|beoordelaars|beoordelingsmodel|taalmodel|grader|evaluator)\\b(?!-?(?:team|afdeling|bedrijf))`,
    `\\bals (?:je|u) (?:een )?(?:ai|taalmodel|kunstmatige intelligentie) (?:bent|is)\\b`,
  ],
  "output-forcing": [
    `\\b(?:antwoord|geef|reageer)\\s+${W}{0,2}?(?:alleen|uitsluitend|enkel|slechts)\\s+(?:met\\s*)?(?:[:"'{]|json|goedgekeurd|geslaagd|true\\b|1(?:\\.0)?\\b|10\\b)`,
    `\\b(?:geef|ken)\\s+${W}{0,3}?(?:de hoogste score|de maximale score|een perfecte score|10\\/10)`,
    `\\b(?:deze|dit) (?:concept|e-?mail|bericht|tekst) moet (?:worden goedgekeurd|goedgekeurd worden)\\b(?! door\\b)`,
  ],
  "secret-extraction": [
    `\\b(?:toon|laat|onthul|herhaal|geef|print)\\s+(?:me\\s+|mij\\s+)?${W}{0,2}?(?:je |jouw |uw |de |het )?(?:systeemprompt|prompt|systeeminstructies|(?:verborgen|geheime|interne|oorspronkelijke) (?:instructies|regels|criteria)|lijst (?:met|van) (?:spamzinnen|zinnen|woorden)|beoordelingscriteria|rubric)`,
  ],
  "rubric-refusal": [
    `\\b(?:volg|gebruik|pas)\\s+${W}{0,2}?(?:de )?(?:rubric|beoordelingscriteria|beoordelingsregels)\\s+${W}?niet\\b|\\b(?:negeer|sla)\\s+${W}{0,2}?(?:de )?(?:rubric|beoordelingscriteria|beoordelingsregels)\\b`,
  ],
};

export const INTL_MARKERS: readonly InjectionMarker[] = [
  ...familyMarkers("es", "latin", ES),
  ...familyMarkers("fr", "latin", FR),
  ...familyMarkers("de", "latin", DE),
  ...familyMarkers("pt", "latin", PT),
  ...familyMarkers("it", "latin", IT),
  ...familyMarkers("nl", "latin", NL),
];
