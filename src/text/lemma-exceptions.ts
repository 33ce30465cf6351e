/**
 * Lemma exceptions (pure data): forms whose lemma the rules in lemma.ts do not produce, each written
 * `form|group|lemma` with the lowercase form and the tag group of `lemmaGroup()` (N noun, V verb, J
 * adjective, R adverb, P proper noun, else the Penn tag). Derived from the UD English EWT training
 * treebank (the majority lemma wherever it differs from the rules) plus a hand list of irregular verbs,
 * nouns and adjectives. Regenerate with the lemma-table script when the rules change.
 */

const DATA = `
'|POS|'s ',|V|be '60s|N|'60s 'd|V|would 'em|PRP|they 'll|V|will 'm|V|be 'n|CC|and 're|V|be 's|PRP|we 's|V|be
've|V|have *ss|N|ass -2-f.doc|N|-2-f.doc -ect-kedne|GW|-ect-kedne -final.doc|N|-final.doc -ll|V|will -s|POS|'s
-stip|GW|-stip 0nside|J|inside 1,000|CD|1000 1,183|CD|1183 1,200|CD|1200 1,350|CD|1350 1,613|CD|1613
1,650,000|CD|1650000 1,700|CD|1700 1,922,000|CD|1922000 10,000|CD|10000 10,000.00|CD|10000.00
100,000|CD|100000 100,000,000,000|CD|100000000000 120,000|CD|120000 14,000|CD|14000 1490s|N|1490s
15,000|CD|15000 150,000|CD|150000 1590's|N|1590s 16,000,000,000|CD|16000000000 16,900|CD|16900 1920s|N|1920s
1960's|N|1960s 1960s|N|1960s 1970s|N|1970s 1980s|N|1980s 1990s|N|1990s 1?!?!?|.|?!?!? 1s9|N|1S9 2|TO|to
2,000|CD|2000 2,210|CD|2210 2,500|CD|2500 20's|N|20s 20,000|CD|20000 20,000,000|CD|20000000 200,000|CD|200000
200,000,000,000|CD|200000000000 200,987.33|CD|200987.33 20s|N|20s 21,000|CD|21000 21,600|CD|21600
215,000|CD|215000 22,600|CD|22600 23,000|CD|23000 24,000|CD|24000 25,000|CD|25000 272,000|CD|272000
3,000|CD|3000 3,200|CD|3200 3,202.61|CD|3202.61 3,300,000|CD|3300000 3,500|CD|3500 30,858|CD|30858
300,000|CD|300000 30s|N|30s 31,000|CD|31000 3143c|P|3143c 33,000|CD|33000 35,000|CD|35000 350,000|CD|350000
36,000,000,000|CD|36000000000 38,000|CD|38000 3s|N|3 4|IN|for 4,700|CD|4700 4-ever|R|forever 40,000|CD|40000
42,000|CD|42000 42,000.00|CD|42000.00 42,008|CD|42008 47,500|CD|47500 5,000|CD|5000 50's|N|50s 50,000|CD|50000
540,000|CD|540000 55,008|CD|55008 59,339|CD|59339 6,000|CD|6000 60's|N|60s 60,000|CD|60000 60,008|CD|60008
60s|N|60s 61,000,000,000|CD|61000000000 62,500|CD|62500 7,000|CD|7000 70's|N|70s 70s|N|70s 750,000|CD|750000
79,000|CD|79000 80's|N|80s 80,000|CD|80000 90s|N|90s 95,000|CD|95000 :d|NFP|:d :o|NFP|:o :p|NFP|:p ;p|NFP|;p
@|GW|_ a|CC|and a|IN|at a|TO|to a|V|can a.m|N|a.m. aa|DT|a aa|N|AA aaaaaggghhhhhh|UH|aagh abby|P|Abby
abou|IN|about abramo@enron|ADD|_ absoulutely|R|absolutely abt|IN|about access|GW|access
accomdating|J|accommodating accomodating|J|accommodating accord|GW|accord accused|V|accuse accusing|V|accuse
acedraz|FW|acedraz actualy|R|actually actully|R|actually adhear|V|adhere adhered|V|adhere adhering|V|adhere
adn|CC|and adnan|GW|AdnanPatel@ENRON advise|N|advice aeronautics|P|Aeronautics aesthetics|P|Aesthetics
afghan|J|Afghan afore|GW|aforementioned african|J|African agreement|GW|agreement ai|V|be air|GW|airway
air|P|Air airlines|P|Airline airport|P|Airport ak|N|AK ak47's|N|AK47 ak47s|N|AK47 akin@ect|ADD|_ al|FW|al.
alatorre@enron|ADD|_ albanian|J|Albanian alberta|GW|alberta algae|N|alga alito|P|Alito all|GW|altogether
allowance|P|Allowance alma|GW|AlmaMartinez@ENRON alumni|N|alumnus am|N|a.m. am|V|be
amanda|GW|AmandaHuble@ENRON amended|N|amendment american|J|American americans|P|American ames|P|Ames
ammount|N|amount amoung|IN|among an|CC|and an|DT|a analyses|N|analysis and|DT|a and|IN|as
andrea|GW|AndreaBertone@ENRON_DEVELOPMENT angeles|P|Angeles anglo|AFX|Anglo ans|CC|and answers|V|answer
answetred|V|answer anthony|P|Anthony anti-american|J|anti-American anti-americanism|N|anti-Americanism
anti-indian|J|anti-Indian anti-israeli|J|anti-Israeli anti-semite|N|anti-Semite antipasti|N|antipasto
antonio|P|Antonio any|GW|anyone any1|N|anyone anywere|R|anywhere ap|N|AP appartment|N|apartment
appendices|N|appendix appologized|V|apologize appropriations|P|Appropriations apr|P|April aquarium|P|Aquarium
ar|N|AR ar|V|be arab|J|Arab arabian|J|Arabian archibald|P|Archibald archilochus|P|Archilochus are|V|be
arisen|V|arise arose|V|arise art|V|be aryan|J|Aryan as|V|have as400|N|AS400 asap|R|ASAP asian|J|Asian
asians|P|Asian ask|IN|as aswered|V|answer aswering|V|answer at|CC|and ate|V|eat aubrey|P|Aubrey aug.|P|August
aunte|N|aunt auspices|N|auspices australian|J|Australian awoke|V|awake awoken|V|awake b|CD|billion b|J|B
b****|N|bitch b.|V|bear b/t|IN|between b2b|N|B2B baathist|J|Baathist baba|FW|baba baba|P|Baba
backpedalling|V|backpedal bagh|P|Bagh baghdadis|P|Baghdadi bahamas|P|Bahamas baked|P|bake
bangladeshi|J|Bangladeshi bangladeshis|P|Bangladeshi bare|V|bear bases|N|basis basic|P|Basic
basic­ally|R|basically bay|P|Bay bc|N|BC beachcrofts|P|Beachcrofts beardies|P|Bearded beast|P|Beast
beaten|V|beat beatles|P|Beatles became|V|become becouse|IN|because becuse|IN|because been|V|be bees'|N|bee
began|V|begin begun|V|begin belgian|J|Belgian ben|GW|BenJacoby@ECT ben|P|Ben bent|V|bend
bertone@enron_development|ADD|_ best|J|good best|P|Good best|R|well better|J|good better|R|well big|P|Big
billiards|N|billiards billy|GW|BillyDorsey@ENRON_DEVELOPMENT bit|V|bite bitten|V|bite blackline|GW|blackline
blaine@enron_development|ADD|_ blanco|P|Blanco bled|V|bleed blew|V|blow blown|V|blow bn|CD|billion
boarder|N|border boarders|N|border bolivar|J|Bolivar bondad|P|Bondad bones|P|Bones bore|V|bear born|V|bear
borne|V|bear borritos|N|burrito botn|V|bear bought|V|buy bouild|V|build bound|V|bind bowl|P|Bowl box|P|Box
boyles|P|Boyles bradley|GW|BradleyDiebner@ECT bramen|P|Braman brawler|P|Brawler brazilian|J|Brazilian
breathing|V|breathe bred|V|breed bredders|N|breeder breeeding|N|breeding brenner|GW|Brenner brett|P|Brett
bridget|P|Bridget british|J|British broke|V|break broken|V|break brought|V|bring btwn|IN|between
budgies|N|budgie buffalo|P|Buffalo built|V|build buring|V|burn burnt|V|burn buses|N|bus bush|P|Bush
businessmen|N|businessman businesswomen|N|businesswoman but|N|butt buy|R|_ buys|J|busy by|V|be c'm|V|come
ca|V|can caches|N|cache cacti|N|cactus calves|N|calf came|V|come canada|P|Canada canadian|J|Canadian
canan|P|Canon canape's|N|canapé canibal|P|Cannibal canon|P|Canon cap|GW|cap captain|P|Captain
carlos|GW|CarlosAlatorre@ENRON carnival|P|Carnival carolina|P|Carolina caroline|GW|CarolineAbramo@ENRON
carreau|P|Carreau carribean|J|Carribean castagnola@enron_development|ADD|_ castano@ees|ADD|_
catagory|N|category caucasian|J|Caucasian caucasians|N|Caucasian caucasians|P|Caucasian caught|V|catch cd|N|CD
cdg|P|CDG cehf|N|chef center|P|Center cge|N|cage chairmen|N|chairman charger|V|charge charming|P|Charming
chernobyl|P|Chernobyl chiefs|P|Chief children|N|child chineese|J|Chinese chinese|J|Chinese chinese|P|Chinese
chineze|J|Chinese chiropractric|N|chiropractic chnages|N|change chose|V|choose chosen|V|choose chris|P|Chris
chrisssake|N|chrissake christ|UH|Christ christian|J|Christian christian|P|Christian christmas|P|Christmas
cisco|P|Cisco city|P|City class|P|Class cleaser|N|cleaner clement|P|Clement clockwork|P|Clockwork
clothes|N|clothes clung|V|cling co2|N|CO2 coalition|P|Coalition cold|V|could collages|N|college
comcast|P|Comcast comfty|J|comfy comfyy|J|comfy communications|ADD|_ compaq.com|GW|compaq.com-notebook.url
compeltly|R|completely compiling|V|compile completly|R|completely confines|N|confines conflict|GW|conflict
confused|V|confuse congress|P|Congress congressmen|N|congressman consistantly|R|consistently
contents|N|contents contract|GW|contract convulsed|V|convulse cookies|N|cookie cookin'|V|cook
corssing|N|crossing cos|GW|cos costumer|N|customer countrymen|N|countryman couter-cultural|J|counter-cultural
coz|IN|because cpa|N|CPA crawling|V|crawl created|V|create creating|V|create crept|V|creep crises|N|crisis
crossbred|V|crossbreed ct|N|CT cuban|J|Cuban cunclude|V|conclude cus|IN|cause cyanogen|P|cyanogen
cynangon|P|Cynangon d|V|would d7000|N|D7000 d:|NFP|d: daily|P|Daily
daniel|GW|DanielRCastagnola@ENRON_DEVELOPMENT dat|DT|that david|GW|DavidForster@ENRON davies|P|Davies day|J|_
dealship|N|dealership dealt|V|deal dec|P|December dec.|P|December decor|P|Decor deed|R|_ deemed|P|Deem
defanged|V|defang deffenitly|R|definitely deffly|R|definitely defiled|V|defile definately|R|definitely
degus|N|degu delainey@ect|ADD|_ delhi|P|Delhi deli|P|Deli delicous|J|delicious deliteful|J|delightful
deliverd|V|deliver delvery|N|delivery democrat|P|Democrat democrats|P|Democrat denise|P|Denise
deutsched|P|Deutsche develope|V|develop dg|GW|dg diagnoses|N|diagnosis diarheya|N|diarrhea did|V|do
diebner@ect|ADD|_ dinasaurs|N|dinosaur disatisfied|J|dissatisfied distain|N|disdain dna|N|DNA do|J|due
do@enron_development|ADD|_ done|V|do dorsey@enron_development|ADD|_ down|GW|downfall downgrading|V|downgrade
dpr|N|DPR drank|V|drink drawn|V|draw dreamt|V|dream drew|V|draw driven|V|drive drove|V|drive drunk|V|drink
drving|V|drive dthat|DT|that du|V|do due|V|do dug|V|dig durer|P|Durer dwelt|V|dwell dynamics|N|dynamics
e|AFX|email e.g|FW|e.g e.g.|FW|e.g. e500's|N|E500 eaiser|J|easy earthhhhhhh|P|earth earthquake|P|earthquake
east|P|East easter|P|Easter eastgardens|P|eastgardens eatables|N|eatables eaten|V|eat eather|R|either
eatin|V|eat eating|V|eat eco|AFX|eco economics|N|economics ect|ADD|_ eg|FW|e.g. eg.|FW|e.g.
egyptian|J|Egyptian eid|N|Eid eighties|N|eighties el|P|El eldest|J|old electronics|N|electronics em|PRP|they
em-enro2.doc|N|Em-enro2.doc embarrased|J|embarrassed embassies|P|embassy ena|N|ENA enchladas|N|enchilada
endevour|V|endeavor eneedle|N|needle energy|P|Energy enfurates|V|infuriate english|J|English enron|GW|enron
enron|P|Enron enronr~1.doc|N|ENRONR~1.DOC entie|J|entire epm|N|EPM equality|P|Equality equivalant|J|equivalent
et|N|ET et.|FW|et eta_revision0307.doc|N|ETA_revision0307.doc etc|FW|etc. etter|R|well european|J|European
european|P|European eve.|N|evening ever|WP|_ ever|WRB|_ everbody|N|everybody every|GW|everyday every|R|ever
excellant|J|excellent excepted|V|accept excited|V|excite exp.doc|N|exp.doc expedited|V|expedite
exploring|V|explore export|GW|export expose|V|_ extradited|V|extradite extrcurricular|J|extracurricular
f|IN|for f%#king|J|fucking f'ers|N|fucker f*ck|N|fuck f*ed|V|fuck fabolous|J|fabulous fallen|V|fall
falls|P|Falls fanfuckingtastic|J|fantastic farther|J|far farthest|J|far fashion|J|fashioned fcking|R|fucking
feb|P|February feb.|P|February fed|V|feed feed|GW|feedback feet|N|foot fell|V|fall felt|V|feel fever|P|Fever
fiji|N|Fiji filipino|J|Filipino filipinos|P|Filipino finances|N|finances fire|P|Fire firemen|N|fireman
fishermen|N|fisherman fitness|P|Fitness fives|N|fives fixeded|V|fix fled|V|flee flew|V|fly
flexibiltiy|N|flexibility flown|V|fly flung|V|fling flying|P|Fly fo|IN|for focuses|V|focus for|R|_
forbade|V|forbid forbidden|V|forbid foresaw|V|foresee foreseen|V|foresee forgave|V|forgive forgiven|V|forgive
forgot|V|forget forgotten|V|forget form|IN|from forster@enron|ADD|_ fot|IN|for fought|V|fight found|V|find
france|P|France freeman|P|Freeman french|J|French fri|P|Friday fri.|P|Friday friday|P|Friday fro|IN|for
froze|V|freeze frozen|V|freeze fulfilled|V|fulfil fulfilling|V|fulfil fungi|N|fungus furnishings|N|furnishings
furthest|J|far fury|P|fury fy04|N|FY04 fy05|N|FY05 ga|GW|ga gain|R|again gant|J|gaunt garcia@enron|ADD|_
gardneri|N|gardnerus gas|GW|gas gases|N|gas gave|V|give geese|N|goose general|P|General genetics|N|genetics
genitals|N|genitals gentel|J|gentle gentlemen|N|gentleman geopolitics|N|geopolitics george|P|George
german|J|German gi|N|GI gis|N|GIS given|V|give god|P|God going|J|_ gon|V|go gone|V|go goods|N|goods
goodwyn|P|Goodwyn google|P|Google got|V|get gotten|V|get grace|P|Grace grandchildren|N|grandchild
grandure|N|grandeur greco|P|Greco greek|J|Greek green|P|Green grew|V|grow groom|P|Groom ground|V|grind
grounds|N|grounds grown|V|grow grrrrrrr|UH|grr grrrrrrrreeeaaat|J|great gtc|N|GTC gtc's|N|GTC gtcs|N|GTC
guardsmen|N|guardsman guarentee|N|guarantee gud|J|good guided|V|guide guiding|V|guide guiness|P|Guinness
gulf|P|Gulf gunmen|N|gunman h|GW|_ h=guys|N|guy hackles|N|hackles had|V|have half|GW|halfway halves|N|half
hansen@enron|ADD|_ has|V|have hav|V|have headquarters|N|headquarters heard|V|hear heating|P|Heating
held|V|hold her|PRP|she here|V|hear hers|PRP|her hid|V|hide hidden|V|hide high|UH|hi higher|P|High hill|R|_
him|PRP|he hippies|N|hippie hirier|V|hire hirsohima|P|Hiroshima his|DT|this hmmm|UH|hmm hmmmm|UH|hmm
hmmmmmm|UH|hmm hochrenaissance|FW|hochrenaissance hogtied|V|hogtie hopkinson@enron_development|ADD|_
hopless|J|hopeless horsemen|N|horseman horton@enron|ADD|_ hotel|P|Hotel housed|V|house hr|N|HR hub|GW|hub
huble@enron|ADD|_ hung|V|hang huskers|P|Huskers husseiniyas|P|Husseiniyas hvae|V|have hypotheses|N|hypothesis
hz|N|Hz i|PRP|I i'd|IN|if i.e|FW|i.e. ie|FW|i.e. ignored|V|ignore ignoring|V|ignore igts|GW|igts ii|CD|II
iii|CD|III iis|V|be in|GW|indeed in|V|be incited|V|incite inciting|V|incite indian|J|Indian indices|N|index
inks|N|link inquires|N|inquiry instilling|V|instil inter|AFX|inter interconnect|GW|interconnect
interesting|N|interest interfering|V|interfere international|P|International intervening|V|intervene
invaded|V|invade invading|V|invade invited|V|invite inviting|V|invite invovled|V|involve iranian|J|Iranian
iraqi|J|Iraqi iraqis|P|Iraqi ireland|P|Ireland irish|J|Irish is|PRP|it is|V|be isdas|P|ISDA islamic|J|Islamic
islamist|J|Islamist islamist|N|Islamist islamists|N|Islamist island|P|Island israeli|J|Israeli
israelis|P|Israeli it|IN|if it|N|IT it|R|in it|RP|in it|V|be italian|J|Italian iv|CD|IV ive|V|_ iw|PRP|I
j|GW|_ j.doc|N|j.doc jack|P|Jack jacoby@ect|ADD|_ jamaican|J|Jamaican jan|P|January jan.|P|January
january|P|January japanese|J|Japanese jeans|N|jeans jeju|P|Jeju jejudo|P|Jejudo jets|P|Jet jewish|J|Jewish
jihadis|N|jihadi john|GW|JohnSchwartzenburg@ENRON_DEVELOPMENT john|P|John johnson@enron|ADD|_
jorge|GW|JorgeAGarcia@ENRON juego|FW|juego july|P|July june|P|June k|CD|thousand kabul|P|Kabul
kaminski@ect|ADD|_ karol|P|Karol kaufman@ect|ADD|_ kay|GW|KayMann@ENRON kc|P|KC
ken|GW|KenRice@ENRONCOMMUNICATIONS kept|V|keep kevalam|FW|kevalam khan@transredes|ADD|_ kiddies|N|kiddie
kimberly|P|Kimberly kindy|P|Kindy knelt|V|kneel knew|V|know knights|P|Knight knives|N|knife
knowledgable|J|knowledgeable knowledge|J|knowledgeable known|V|know koran|P|Koran kurdish|J|Kurdish l.p|N|LP
lable|N|label lagesse|P|Lagesse laid|V|lay lain|V|lie lankan|J|Lankan lara|GW|LaraLeibman@ENRONCOMMUNICATIONS
larger|J|large largest|J|large later|N|layer latin|J|Latin laura|P|Laura lb|P|LB leaned|V|learn leant|V|lean
leapt|V|leap learnt|V|learn lebanese|J|Lebanese led|V|lead left|V|leave leibman@enron|GW|_ leigh|GW|_
lent|V|lend leonardo|P|Leonardo letter|GW|letter liberty|P|Liberty libro|FW|libro libyan|J|Libyan lik|IN|like
likley|R|likely lil|J|little limerick|P|Limerick line|R|_ lisenced|J|licensed lit|V|light literaly|R|literally
litttle|J|little lives|N|life ll|V|will lo9nger|R|long locust|P|Locust london|P|London loose|V|lose
looser|N|loser loosing|V|lose lopez|P|Lopez lora|GW|LoraSullivan@ENRON lorie|GW|LorieLeigh@ECT los|P|Los
loss|V|lose lost|V|lose ltake|V|take luan|GW|_ lucio|P|Lucio luv|N|love lynx|P|Lynx lysa|GW|LysaAkin@ECT
m|CD|million m|N|M m|V|be m5j|N|M5J made|V|make madea|V|make main|P|Main malaysian|J|Malaysian manged|V|manage
mangers|N|manager mann@enron|ADD|_ manners|N|manners mar|P|March march|P|March marianne|GW|MarianneCastano@EES
mark|GW|MarkPalmer@ENRON marriage|P|Marriage martinez@enron|ADD|_ masonic|J|Masonic massacring|V|massacre
master|GW|master mathematics|P|Mathematics matrices|N|matrix may|P|May mcallister|P|McAllister
mcclelland|P|McClelland mcconnell@ect|ADD|_ mcdonald|P|McDonald me|PRP|I mean|GW|meantime means|N|means
meant|V|mean mechaincs|N|mechanic mechanicly|R|mechanically mega|AFX|megapixel mellow|GW|melodramatic
men|N|man mentioned|J|_ mercury|P|Mercury met|V|meet mexican|J|Mexican mice|N|mouse
michelle|GW|MichelleBlaine@ENRON_DEVELOPMENT mid|AFX|mid mid-1980s|N|mid-1980s mid-20s|N|mid-20s
mid-80s|N|mid-80s mid-nineties|N|mid-nineties mike|GW|MikeMcConnell@ECT min|N|minute mine|PRP|my mines|PRP|my
mins|N|minute mins.|N|min. miracle|P|Miracle mircles|N|miracle misled|V|mislead misnamed|V|misname
mississippi|P|Mississippi mistaken|V|mistake mistook|V|mistake misunderstood|V|misunderstand mod|P|Mod
mon.|P|Monday monarchs|P|Monarchs monday|P|Monday monday's|P|Monday mongolian|J|Mongolian monies|N|money
montgomery@enron|ADD|_ montparnasse|P|Montparnasse moslem|J|Moslem most|V|must movies|N|movie mp3|N|MP3
mt|N|MT mullahs|N|mulla murph|P|Murph muslim|J|Muslim my|GW|myself mystics|P|Mystics myths|P|Myths n|CC|and
n|R|not n't|R|not na|TO|to nagaski|P|Nagasaki nam|FW|nam nasim|GW|NasimHKhan@TRANSREDES nazis|P|Nazi
neeeeeeeeeverrrr|R|never neo-nazi|J|neo-Nazi nepalese|J|Nepalese netherlands|P|Netherlands new|N|New new|P|New
new|V|know ngoc|GW|NgocLuanDo@ENRON_DEVELOPMENT nicknamed|V|nickname nigeria|P|Nigeria nighstand|N|nightstand
nikon|P|Nikon no|GW|nowhere no|V|know non|FW|non non-arab|J|non-Arab non-bondad|P|non-Bondad
non-moslem|J|non-Moslem nonbondad|P|non-Bondad noone|N|no-one north|P|North norwegian|J|Norwegian
notebook.url|N|_ nov|P|November nov.|P|November november|P|November nt|R|not nuclei|N|nucleus nx1|N|NX1
nx3|N|NX3 o|GW|_ o|IN|of obsf|N|OBSF ocnversation|N|conversation oct|P|October oct.|P|October of|CC|or
of|V|have ok'd|V|OK olympus|P|Olympus on|AFX|online on|CD|one on|GW|ongoing online|P|Online
only.doc|N|only.doc opinon|N|opinion or|IN|of oracle|P|Oracle orderd|V|order ordered|V|order
orginals|N|original ot|TO|to ould|V|would ours|PRP|our out|GW|outside outshone|V|outshine over|AFX|overpriced
overcame|V|overcome overheard|V|overhear overran|V|overrun overridden|V|override overrode|V|override
oversaw|V|oversee overseen|V|oversee overt|IN|over overtaken|V|overtake overthrew|V|overthrow
overthrown|V|overthrow overtook|V|overtake ovr|R|over oxen|N|ox p.m|N|p.m. pagen|J|pagan paid|V|pay
pakistani|J|Pakistani pakistanis|P|Pakistani palces|N|place palestinian|J|Palestinian palmer@enron|ADD|_
panamal|P|Panama panicking|V|panic pants|N|pants paraded|N|parade paraded|V|parade paris|P|Paris
parisian|J|Parisian particlular|J|particular pashtun|J|Pashtun pasted|V|paste patel@enron|ADD|_
patrick|GW|PatrickHansen@ENRON paul|GW|PaulKaufman@ECT pdt|N|PDT peddle|N|pedal peddles|N|pedal pen|P|Penn
penines|P|Pennines per|GW|percent percell,|GW|percell, peregrino|P|Peregrino perez|P|Perez
performance|V|perform perry@enron_development|ADD|_ personaly|R|personally persuading|V|persuade petco|P|Petco
peter|GW|peter pets|P|Pet petsmart|P|PetSmart pg&e|GW|pg&e phenomena|N|phenomenon philipines|P|Philippines
philipinos|P|Filipino philippines|P|Philippines phillies|P|Phillies pho-nomenal|J|phenomenal phoned|V|phone
pinkies|N|pinkie please|J|pleased plunged|V|plunge pm|N|p.m. poa|N|POA policemen|N|policeman
politics|N|politics ponchatoula|P|Ponchatoula poneh|N|pony populous|N|populace portugese|J|Portugese
post-chavez|J|post-Chavez post-saddam|J|post-Saddam postive|J|positive postmaster|P|Postmaster
postponed|V|postpone power|V|_ pp|N|page ppl|N|people prc|N|PRC pre-made|V|pre-make preceded|V|precede
prefere|V|prefer prepaid|V|prepay press|P|Press pricing|GW|pricing primary|GW|primary privatly|R|privately
pro-palestinian|J|pro-Palestinian pro-zionist|J|pro-Zionist proceedings|N|proceedings
proceedings|P|Proceedings process's|N|process procreating|V|procreate professional|R|professionally
prolly|R|probably proper|R|properly proposal|GW|proposal proposed|GW|proposed protestants|P|Protestant
proven|V|prove ps3|N|PS3 ps4|N|PS4 pst|N|PST pt|N|PT purchace|V|purchase put|RP|out pwople|N|people
pyrenees|P|Pyrenees q1|N|Q1 questar|GW|questar quizzing|V|quiz r|GW|_ r|V|be r.|N|respect radison|P|Radison
rajavis|P|Rajavi ran|V|run rance@enron|ADD|_ rang|V|ring ranging|V|range raphael|P|Raphael rates|GW|rates
rcommended|V|recommend re|V|be re-routed|V|re-route reaaaally|R|really realtion|GW|relationship realy|R|really
rebuilt|V|rebuild reccomend|V|recommend reccommend|V|recommend recieve|V|receive recieved|V|receive
recomend|V|recommend reconciled|V|reconcile reconciling|V|reconcile recovery|P|Recovery recreating|V|recreate
recruiting|GW|recruiting red|P|Red rediculous|J|ridiculous redid|V|redo redone|V|redo reffered|V|refer
refused|V|refuse refusing|V|refuse regading|V|regade regards|N|regards reigon|N|region releases|GW|releases
religious|P|Religious remains|N|remains renigged|V|renege repoire|N|rapport reps.|N|rep.
republican|J|Republican republican|P|Republican resond|V|respond restored|V|restore resturant|N|restaurant
resume|GW|resume rewritten|V|rewrite rewrote|V|rewrite rice@enron|GW|_ rick|GW|RickHopkinson@ENRON_DEVELOPMENT
ridden|V|ride ridiculed|V|ridicule ridiculing|V|ridicule ridiculized|V|ridicule rights|GW|rights
rights|N|right riiight|UH|right risen|V|rise roadhouse|P|Roadhouse robert|GW|RobertCWilliams@ENRON_DEVELOPMENT
robert|P|Robert roberts|P|Roberts rockers|P|Rockers rode|N|road rode|V|ride roderigo|P|Roderigo rolling|P|Roll
rom|N|ROM romatic|J|romantic roms|N|ROM rose|V|rise royal|P|Royal rrly|R|rarely rule|GW|rule rung|V|ring
russell|GW|RussellMontgomery@ENRON russian|J|Russian ruth|P|Ruth ruy|P|Ruy s|POS|'s s|PRP|we s|V|be
saaaaaam|P|Sam sacramento|P|Sacramento said|V|say saloon|P|Saloon saltimboca|N|saltimbocca samuel|P|Samuel
sanders|GW|sanders sang|V|sing sank|V|sink sanwiches|N|sandwich sap|N|SAP sara|GW|SaraShackleton@ECT
sara|P|Sara sat|P|Saturday sat|V|sit sat.|P|Saturday satanic|J|Satanic satanism|P|Satanism saudi|J|Saudi
saudis|P|Saudi savings|N|savings saw|V|see sawn|V|saw saxon|J|Saxon saxons|P|Saxon schedule|GW|schedule
scheduled|N|schedule schwartzenburg@enron_development|ADD|_ scissors|N|scissors scottish|J|Scottish se|V|be
sear's|P|Sears seen|V|see seething|V|seethe segueway|V|segue seince|IN|since self|PRP|_ sent|V|send
seperates|V|separate sept|P|September sept.|P|September sercvice|N|service series|P|Series serivce|N|service
servicemen|N|serviceman settlement|GW|settlement sewn|V|sew sez|V|say sh*t|N|shit shackleton@ect|ADD|_
shaken|V|shake shakespearean|J|Shakespearean shallac|N|shellac shawna|GW|ShawnaJohnson@ENRON
sheisters|N|shyster shi'ite|J|Shi'ite shia|J|Shia shiite|J|Shiite shock|P|Shock shoes|V|shoe shone|V|shine
shook|V|shake shot|V|shoot shown|V|show shrank|V|shrink shrunk|V|shrink sice|IN|since sicilian|J|Sicilian
side|IN|_ sieze|V|seize simple|R|simply sinhala|J|Sinhala sinhalese|J|Sinhalese sixties|N|sixties slain|V|slay
slept|V|sleep slew|V|slay slid|V|slide slung|V|sling smartwolves|P|Smartwolves sms|V|SMS snake|P|Snake
so|GW|so sol|P|Sol sold|V|sell some|GW|someone someon|N|someone somethin|N|something sony|P|Sony soo|R|so
sooners|P|Sooners sooo|R|so sought|V|seek sound|P|sound south|J|South southeast|P|Southeast sown|V|sow
sox|P|Sox spanish|J|Spanish sparks|P|Sparks spat|V|spit species|N|species specifics|N|specifics sped|V|speed
spent|V|spend spilt|V|spill spoilt|V|spoil spoke|V|speak spoken|V|speak spokesmen|N|spokesman sprang|V|spring
springs|P|Springs sprung|V|spring spun|V|spin squirelled|V|squirrel sri|J|Sri sstaff|N|staff standing|J|_
stank|V|stink stanley|GW|StanleyHorton@ENRON star|P|Star starbucks|P|Starbucks starzz|P|Starzz
stimuli|N|stimulus stipulation|GW|stipulation stole|V|steal stolen|V|steal stood|V|stand storm|P|Storm
street|P|Street stridden|V|stride striven|V|strive strode|V|stride strove|V|strive struck|V|strike
strung|V|string stuck|V|stick stung|V|sting stunk|V|stink sullivan@enron|ADD|_ sun.|P|Sunday sunday|P|Sunday
sung|V|sing sunglasses|N|sunglasses sunk|V|sink sunni|J|Sunni sunnis|P|Sunni superintendant|N|superintendent
supplies|N|supplies surley|J|surly surounded|V|surround surpluses|N|surplus surroundings|N|surroundings
surv|GW|survive sus|J|suspect susan|GW|SusanRance@ENRON svce|N|service swam|V|swim swedish|J|Swedish
swept|V|sweep swifties|P|Swifties swiss|J|Swiss swollen|V|swell swore|V|swear sworn|V|swear swum|V|swim
swung|V|swing syllabi|N|syllabus syrian|J|Syrian t|CD|trillion t|GW|_ t|N|_ t.|IN|to t.v.|N|TV t1|N|T1
t2i|N|T2i ta|IN|of ta|TO|to tabors|GW|tabors taiwanese|J|Taiwanese taken|V|take talked|V|talk tamil|J|Tamil
tasted|V|taste tasting|V|taste taught|V|teach te|DT|the teeth|N|tooth teething|V|teethe teh|DT|the
temperment|N|temperament texas|P|Texas th|IN|that thai|J|Thai thailand|P|Thailand thaks|N|thanks than|R|then
thanks|N|thanks thanksgiv8ing|P|Thanksgiving thanx|N|thank the|IN|than the|PRP|they the|TO|to the|WDT|that
theeth|N|tooth thei|PRP|they their|EX|there their|R|there theirs|PRP|their them|PRP|they them|R|then
then|DT|the then|IN|than then|PRP|they ther|DT|the theraphy|N|therapy there|GW|therefore there|PRP|they
thes|DT|the these|DT|this theses|N|thesis they|EX|there thieves|N|thief tho|IN|though those|DT|that
thought|V|think thouhgt|V|think threw|V|throw through|J|thorough through|V|throw thrown|V|throw
thru|IN|through thu|P|Thursday thur.|P|Thursday thursday|P|Thursday ti|PRP|it tiger|P|Tiger til|IN|till
titts|N|tit to|DT|the to|R|too to|V|do toda|N|today told|V|tell toned|V|tone too|IN|to too|TO|to took|V|take
tore|V|tear torn|V|tear torrance|P|Torrance totalling|V|total township|P|Township trails|GW|trails
transmission|GW|transmission travel|P|Travel tress|N|tree trinidadian|J|Trinidadian trod|V|tread
trodden|V|tread troops|N|troops trousers|N|trousers truely|R|truly tryed|V|trye tue.|P|Tuesday tues.|P|Tuesday
tuesday's|P|Tuesday tupperwear|N|tupperware turkish|J|Turkish tv|N|TV tv|P|TV u|GW|_ u|PRP|you uc|GW|uc
uhh|UH|uh ummmm|UH|um un-ruly|J|unruly unconcious|J|unconscious under|AFX|undereducated undergone|V|undergo
understood|V|understand undertaken|V|undertake undertook|V|undertake underwent|V|undergo undid|V|undo
undone|V|undo unfortunalty|R|unfortunately unlce|N|uncle unlimited|P|Unlimited unneccesary|J|unnecessary
up|GW|uphill upheld|V|uphold ursula|GW|Ursula us|PRP|we usally|R|usually usb|N|USB use|J|used use|PRP|we
used|V|use useing|V|usee uv|N|ultra-violet v|CD|V v|V|have v02|N|V02 valdes|P|Valdes ve|V|have
venezuelan|J|Venezuelan vi|CD|VI vietnamese|J|Vietnamese viii|CD|VIII vince|GW|VinceJKaminski@ECT
virginia|P|Virginia visa|P|Visa visa|R|vice vs|IN|versus w|GW|_ w|IN|with w|J|W w/|IN|with w/o|IN|without
w/out|IN|without waaaaaaaaaaaaay|R|way wade|P|Wade wagin|V|wag wahhabis|P|Wahhabi waht|WP|what walker|P|Walker
walkin|V|walk wan|V|want wandering|V|wonder wantons|N|wonton war|P|War ward|P|_ warrenty|N|warranty
warwick|P|Warwick was|V|be wase|V|be washington|P|Washington wasted|V|waste wasting|V|waste
wayne|GW|WaynePerry@ENRON_DEVELOPMENT we|V|be wed|P|Wednesday wed.|P|Wednesday wednesday's|P|Wednesday
wel|UH|well went|V|go wept|V|weep were|R|_ were|V|be were|WRB|where werewolf|P|Werewolf west|P|West
wether|IN|whether whasssup|UH|whassup what|GW|whatever what|V|want when|GW|whenever where|GW|wherever
where|R|_ where|V|be where-ever|WRB|wherever whereabouts|N|whereabouts whhich|WDT|which whie|IN|while
wholes|N|hole whoooooo|WP|who wht|WP|what wierd|J|weird wil|V|will will|IN|while will|P|Will
williams@enron_development|ADD|_ willl|V|will wilt|V|will win|GW|within windsheild|N|windshield
wisconsin|P|Wisconsin with|GW|without with|V|will withdrawn|V|withdraw withdrew|V|withdraw withheld|V|withhold
withstood|V|withstand wives|N|wife wo|V|will woke|V|wake woken|V|wake wolves|N|wolf women|N|woman won|V|win
woods|P|Woods wore|V|wear worht|J|worth workpapers|GW|workpapers works|P|Works world|P|World worn|V|wear
worse|J|bad worse|R|badly worst|J|bad worst|R|bad woud|V|would wound|V|wind wove|V|weave woven|V|weave
wreathed|V|wreathe written|V|write wrote|V|write wrung|V|wring wud|V|would x33098|N|X33098 x37047|N|X37047
xbox|P|Xbox xferring|V|transfer xiii|CD|XIII y|WRB|why ya|PRP|you ya'll|PRP|y'all ye|N|YE yo|PRP|you
yorkedness|N|Yorkedness yorkshire|P|Yorkshire you|P|You youngsteers|N|youngster your|GW|yourself
yours|PRP|your yr|N|year yrs|N|year yrs.|N|year ã³l|J|old –|,|- –|:|- –|NFP|- —|,|- —|:|- ”|''|" …|.|. ….|,|..
….|.|..
`;

function load(): Map<string, string> {
  const m = new Map<string, string>();
  for (const item of DATA.split(/\s+/)) {
    if (!item) continue;
    const a = item.indexOf('|');
    const b = item.indexOf('|', a + 1);
    m.set(`${item.slice(0, a)} ${item.slice(a + 1, b)}`, item.slice(b + 1));
  }
  return m;
}

export const LEMMA_EXCEPTIONS: ReadonlyMap<string, string> = load();

/** Forms (not proper nouns) whose lemma keeps the capitals. */
export const KEEP_CASE: ReadonlySet<string> = new Set(['I']);
