/**
 * WordNet 3.0 inflection exceptions (adj.exc, adv.exc, noun.exc, verb.exc), reduced to what
 * ROUGE-1.5.5 can look up: single-word keys longer than 3 characters, `inflected:base` with the first
 * base form, later files overriding earlier ones as ROUGE's exception database is built.
 *
 * WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
 *
 * Permission to use, copy, modify and distribute this software and database and its documentation
 * for any purpose and without fee or royalty is hereby granted, provided that you agree to comply
 * with the following copyright notice and statements, including the disclaimer, and that the same
 * appear on ALL copies of the software, database and documentation, including modifications that you
 * make for internal use or for distribution.
 *
 * THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
 * WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
 * REPRESENTATIONS OR WARRANTIES OF MERCHANT-ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE
 * USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,
 * COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
 *
 * The name of Princeton University or Princeton may not be used in advertising or publicity
 * pertaining to distribution of the software and/or database. Title to copyright in this software,
 * database and any associated documentation shall at all times remain with Princeton University and
 * LICENSEE agrees to preserve same.
 */
export const WORDNET_EXCEPTIONS = `
acer:acer after:after airier:airy airiest:airy angrier:angry angriest:angry archer:archer
artier:arty artiest:arty ashier:ashy ashiest:ashy assaulter:assaulter attacker:attacker
backer:backer baggier:baggy baggiest:baggy balkier:balky balkiest:balky balmier:balmy balmiest:balmy
bandier:bandy bandiest:bandy bargainer:bargainer barmier:barmy barmiest:barmy battier:batty
battiest:batty baulkier:baulky baulkiest:baulky bawdier:bawdy bawdiest:bawdy bayer:bayer
beadier:beady beadiest:beady beastlier:beastly beastliest:beastly beater:beater beefier:beefy
beefiest:beefy beerier:beery beeriest:beery bendier:bendy bendiest:bendy best:well better:well
bigger:big biggest:big bitchier:bitchy bitchiest:bitchy biter:biter bittier:bitty bittiest:bitty
blearier:bleary bleariest:bleary bloodier:bloody bloodiest:bloody bloodthirstier:bloodthirsty
bloodthirstiest:bloodthirsty blowier:blowy blowiest:blowy blowsier:blowsy blowsiest:blowsy
blowzier:blowzy blowziest:blowzy bluer:blue bluest:blue boner:boner bonier:bony boniest:bony
bonnier:bonny bonniest:bonny boozier:boozy booziest:boozy boskier:bosky boskiest:bosky bossier:bossy
bossiest:bossy botchier:botchy botchiest:botchy bother:bother bouncier:bouncy bounciest:bouncy
bounder:bounder bower:bower brainier:brainy brainiest:brainy brashier:brashy brashiest:brashy
brassier:brassy brassiest:brassy brawnier:brawny brawniest:brawny breathier:breathy
breathiest:breathy breezier:breezy breeziest:breezy brinier:briny briniest:briny britisher:britisher
broadcaster:broadcaster brooder:brooder broodier:broody broodiest:broody bubblier:bubbly
bubbliest:bubbly buggier:buggy buggiest:buggy bulkier:bulky bulkiest:bulky bumpier:bumpy
bumpiest:bumpy bunchier:bunchy bunchiest:bunchy burlier:burly burliest:burly burrier:burry
burriest:burry burster:burster bushier:bushy bushiest:bushy busier:busy busiest:busy buster:buster
bustier:busty bustiest:busty cagier:cagey cagiest:cagey camper:camper cannier:canny canniest:canny
canter:canter cantier:canty cantiest:canty caster:caster catchier:catchy catchiest:catchy
cattier:catty cattiest:catty chancier:chancy chanciest:chancy charier:chary chariest:chary
chattier:chatty chattiest:chatty cheekier:cheeky cheekiest:cheeky cheerier:cheery cheeriest:cheery
cheesier:cheesy cheesiest:cheesy chestier:chesty chestiest:chesty chewier:chewy chewiest:chewy
chillier:chilly chilliest:chilly chintzier:chintzy chintziest:chintzy chippier:chippy
chippiest:chippy choosier:choosy choosiest:choosy choppier:choppy choppiest:choppy chubbier:chubby
chubbiest:chubby chuffier:chuffy chuffiest:chuffy chummier:chummy chummiest:chummy chunkier:chunky
chunkiest:chunky churchier:churchy churchiest:churchy clammier:clammy clammiest:clammy
classier:classy classiest:classy cleanlier:cleanly cleanliest:cleanly clerklier:clerkly
clerkliest:clerkly cloudier:cloudy cloudiest:cloudy clubbier:clubby clubbiest:clubby clumsier:clumsy
clumsiest:clumsy cockier:cocky cockiest:cocky coder:coder collier:colly colliest:colly
comelier:comely comeliest:comely comfier:comfy comfiest:comfy cornier:corny corniest:corny
cosier:cosy cosiest:cosy costlier:costly costliest:costly costumer:costumer
counterfeiter:counterfeiter courtlier:courtly courtliest:courtly cozier:cozy coziest:cozy
crabbier:crabby crabbiest:crabby cracker:cracker craftier:crafty craftiest:crafty craggier:craggy
craggiest:craggy crankier:cranky crankiest:cranky crasher:crasher crawlier:crawly crawliest:crawly
crazier:crazy craziest:crazy creamer:creamer creamier:creamy creamiest:creamy creepier:creepy
creepiest:creepy crispier:crispy crispiest:crispy crumbier:crumby crumbiest:crumby crumblier:crumbly
crumbliest:crumbly crummier:crummy crummiest:crummy crustier:crusty crustiest:crusty curlier:curly
curliest:curly customer:customer cuter:cute daffier:daffy daffiest:daffy daintier:dainty
daintiest:dainty dandier:dandy dandiest:dandy deadlier:deadly deadliest:deadly dealer:dealer
deserter:deserter dewier:dewy dewiest:dewy dicier:dicey diciest:dicey dimer:dimer dimmer:dim
dimmest:dim dingier:dingy dingiest:dingy dinkier:dinky dinkiest:dinky dippier:dippy dippiest:dippy
dirtier:dirty dirtiest:dirty dishier:dishy dishiest:dishy dizzier:dizzy dizziest:dizzy dodgier:dodgy
dodgiest:dodgy dopier:dopey dopiest:dopey dottier:dotty dottiest:dotty doughier:doughy
doughiest:doughy doughtier:doughty doughtiest:doughty dowdier:dowdy dowdiest:dowdy dowier:dowie
dowiest:dowie downer:downer downier:downy downiest:downy dozier:dozy doziest:dozy drabber:drab
drabbest:drab draftier:drafty draftiest:drafty draggier:draggy draggiest:draggy draughtier:draughty
draughtiest:draughty dreamier:dreamy dreamiest:dreamy drearier:dreary dreariest:dreary
dreggier:dreggy dreggiest:dreggy dresser:dresser dressier:dressy dressiest:dressy drier:dry
driest:dry drippier:drippy drippiest:drippy drowsier:drowsy drowsiest:drowsy dryer:dry dryest:dry
dumpier:dumpy dumpiest:dumpy dunner:dun dunnest:dun duskier:dusky duskiest:dusky dustier:dusty
dustiest:dusty earlier:early earliest:early earthier:earthy earthiest:earthy earthlier:earthly
earthliest:earthly easier:easy easiest:easy easter:easter eastsider:eastsider edger:edger
edgier:edgy edgiest:edgy eerier:eerie eeriest:eerie emptier:empty emptiest:empty faker:faker
fancier:fancy fanciest:fancy fatter:fat fattest:fat fattier:fatty fattiest:fatty faultier:faulty
faultiest:faulty feistier:feisty feistiest:feisty feller:feller fiddlier:fiddly fiddliest:fiddly
filmier:filmy filmiest:filmy filthier:filthy filthiest:filthy finnier:finny finniest:finny
fishier:fishy fishiest:fishy fitter:fit fittest:fit flabbier:flabby flabbiest:flabby flaggier:flaggy
flaggiest:flaggy flakier:flaky flakiest:flaky flasher:flasher flashier:flashy flashiest:flashy
flatter:flat flattest:flat flauntier:flaunty flauntiest:flaunty fledgier:fledgy fledgiest:fledgy
fleecier:fleecy fleeciest:fleecy fleshier:fleshy fleshiest:fleshy fleshlier:fleshly
fleshliest:fleshly flightier:flighty flightiest:flighty flimsier:flimsy flimsiest:flimsy
flintier:flinty flintiest:flinty floatier:floaty floatiest:floaty floppier:floppy floppiest:floppy
flossier:flossy flossiest:flossy fluffier:fluffy fluffiest:fluffy flukier:fluky flukiest:fluky
foamier:foamy foamiest:foamy foggier:foggy foggiest:foggy folder:folder folksier:folksy
folksiest:folksy foolhardier:foolhardy foolhardiest:foolhardy foreigner:foreigner forest:forest
founder:founder foxier:foxy foxiest:foxy fratchier:fratchy fratchiest:fratchy freakier:freaky
freakiest:freaky freer:free freest:free frenchier:frenchy frenchiest:frenchy friendlier:friendly
friendliest:friendly friskier:frisky friskiest:frisky frizzier:frizzy frizziest:frizzy
frizzlier:frizzly frizzliest:frizzly frostier:frosty frostiest:frosty frouzier:frouzy
frouziest:frouzy frowsier:frowsy frowsiest:frowsy frowzier:frowzy frowziest:frowzy fruitier:fruity
fruitiest:fruity funkier:funky funkiest:funky funnier:funny funniest:funny furrier:furry
furriest:furry fussier:fussy fussiest:fussy fustier:fusty fustiest:fusty fuzzier:fuzzy
fuzziest:fuzzy gabbier:gabby gabbiest:gabby gamier:gamy gamiest:gamy gammier:gammy gammiest:gammy
gassier:gassy gassiest:gassy gaudier:gaudy gaudiest:gaudy gauzier:gauzy gauziest:gauzy gawkier:gawky
gawkiest:gawky ghastlier:ghastly ghastliest:ghastly ghostlier:ghostly ghostliest:ghostly
giddier:giddy giddiest:giddy gladder:glad gladdest:glad glassier:glassy glassiest:glassy
glibber:glib glibbest:glib gloomier:gloomy gloomiest:gloomy glossier:glossy glossiest:glossy
glummer:glum glummest:glum godlier:godly godliest:godly goer:goer goner:goner goodlier:goodly
goodliest:goodly goofier:goofy goofiest:goofy gooier:gooey gooiest:gooey goosier:goosy
goosiest:goosy gorier:gory goriest:gory gradelier:gradely gradeliest:gradely grader:grader
grainier:grainy grainiest:grainy grassier:grassy grassiest:grassy greasier:greasy greasiest:greasy
greedier:greedy greediest:greedy grimmer:grim grimmest:grim grislier:grisly grisliest:grisly
grittier:gritty grittiest:gritty grizzlier:grizzly grizzliest:grizzly groggier:groggy
groggiest:groggy groovier:groovy grooviest:groovy grottier:grotty grottiest:grotty grounder:grounder
grouper:grouper groutier:grouty groutiest:grouty grubbier:grubby grubbiest:grubby grumpier:grumpy
grumpiest:grumpy guest:guest guiltier:guilty guiltiest:guilty gummier:gummy gummiest:gummy
gushier:gushy gushiest:gushy gustier:gusty gustiest:gusty gutsier:gutsy gutsiest:gutsy hairier:hairy
hairiest:hairy halfways:halfway halter:halter hammier:hammy hammiest:hammy handier:handy
handiest:handy happier:happy happiest:happy hardier:hardy hardiest:hardy hastier:hasty
hastiest:hasty haughtier:haughty haughtiest:haughty hazier:hazy haziest:hazy header:header
headier:heady headiest:heady healthier:healthy healthiest:healthy heartier:hearty heartiest:hearty
heavier:heavy heaviest:heavy heftier:hefty heftiest:hefty hepper:hep heppest:hep herbier:herby
herbiest:herby hinder:hind hipper:hip hippest:hip hippier:hippy hippiest:hippy hoarier:hoary
hoariest:hoary holier:holy holiest:holy homelier:homely homeliest:homely homer:homer homier:homey
homiest:homey hornier:horny horniest:horny horsier:horsy horsiest:horsy hotter:hot hottest:hot
humpier:humpy humpiest:humpy hunger:hunger hungrier:hungry hungriest:hungry huskier:husky
huskiest:husky icier:icy iciest:icy inkier:inky inkiest:inky insider:insider interest:interest
jaggier:jaggy jaggiest:jaggy jammier:jammy jammiest:jammy jauntier:jaunty jauntiest:jaunty
jazzier:jazzy jazziest:jazzy jerkier:jerky jerkiest:jerky jointer:jointer jollier:jolly
jolliest:jolly juicier:juicy juiciest:juicy jumpier:jumpy jumpiest:jumpy kindlier:kindly
kindliest:kindly kinkier:kinky kinkiest:kinky knottier:knotty knottiest:knotty knurlier:knurly
knurliest:knurly kookier:kooky kookiest:kooky lacier:lacy laciest:lacy lairier:lairy lairiest:lairy
lakier:laky lakiest:laky lander:lander lankier:lanky lankiest:lanky lathier:lathy lathiest:lathy
layer:layer lazier:lazy laziest:lazy leafier:leafy leafiest:leafy leakier:leaky leakiest:leaky
learier:leary leariest:leary leer:leer leerier:leery leeriest:leery leggier:leggy leggiest:leggy
lengthier:lengthy lengthiest:lengthy leveler:leveler limier:limy limiest:limy lippier:lippy
lippiest:lippy liter:liter livelier:lively liveliest:lively liver:liver loather:loather
loftier:lofty loftiest:lofty logier:logy logiest:logy lonelier:lonely loneliest:lonely loner:loner
loonier:loony looniest:loony loopier:loopy loopiest:loopy lordlier:lordly lordliest:lordly
lousier:lousy lousiest:lousy lovelier:lovely loveliest:lovely lowlander:lowlander lowlier:lowly
lowliest:lowly luckier:lucky luckiest:lucky lumpier:lumpy lumpiest:lumpy lunier:luny luniest:luny
lustier:lusty lustiest:lusty madder:mad maddest:mad mainer:mainer maligner:maligner maltier:malty
maltiest:malty mangier:mangy mangiest:mangy mankier:manky mankiest:manky manlier:manly
manliest:manly mariner:mariner marshier:marshy marshiest:marshy massier:massy massiest:massy
matter:matter maungier:maungy maungiest:maungy mazier:mazy maziest:mazy mealier:mealy mealiest:mealy
measlier:measly measliest:measly meatier:meaty meatiest:meaty meeter:meeter merrier:merry
merriest:merry messier:messy messiest:messy miffier:miffy miffiest:miffy mightier:mighty
mightiest:mighty milcher:milcher milker:milker milkier:milky milkiest:milky mingier:mingy
mingiest:mingy minter:minter mirkier:mirky mirkiest:mirky miser:miser mistier:misty mistiest:misty
mocker:mocker modeler:modeler modest:modest moldier:moldy moldiest:moldy moodier:moody
moodiest:moody moonier:moony mooniest:moony mothier:mothy mothiest:mothy mouldier:mouldy
mouldiest:mouldy mousier:mousy mousiest:mousy mouthier:mouthy mouthiest:mouthy muckier:mucky
muckiest:mucky muddier:muddy muddiest:muddy muggier:muggy muggiest:muggy multiplexer:multiplexer
murkier:murky murkiest:murky mushier:mushy mushiest:mushy muskier:musky muskiest:musky muster:muster
mustier:musty mustiest:musty muzzier:muzzy muzziest:muzzy nappier:nappy nappiest:nappy nastier:nasty
nastiest:nasty nattier:natty nattiest:natty naughtier:naughty naughtiest:naughty needier:needy
neediest:needy nervier:nervy nerviest:nervy newsier:newsy newsiest:newsy niftier:nifty
niftiest:nifty nippier:nippy nippiest:nippy nittier:nitty nittiest:nitty noisier:noisy
noisiest:noisy northeasterner:northeasterner norther:norther northerner:northerner nosier:nosy
nosiest:nosy number:number nuttier:nutty nuttiest:nutty offer:offer oilier:oily oiliest:oily
oliver:oliver oozier:oozy ooziest:oozy opener:opener outsider:outsider overcomer:overcomer
overnighter:overnighter owner:owner pallier:pally palliest:pally palmier:palmy palmiest:palmy
paltrier:paltry paltriest:paltry pappier:pappy pappiest:pappy parkier:parky parkiest:parky
passer:passer paster:paster pastier:pasty pastiest:pasty patchier:patchy patchiest:patchy
pater:pater pawkier:pawky pawkiest:pawky peachier:peachy peachiest:peachy pearler:pearler
pearlier:pearly pearliest:pearly pedaler:pedaler peppier:peppy peppiest:peppy perkier:perky
perkiest:perky peskier:pesky peskiest:pesky peter:peter pettier:petty pettiest:petty phonier:phony
phoniest:phony pickier:picky pickiest:picky piggier:piggy piggiest:piggy pinier:piny piniest:piny
pitchier:pitchy pitchiest:pitchy pithier:pithy pithiest:pithy planer:planer plashier:plashy
plashiest:plashy platier:platy platiest:platy player:player pluckier:plucky pluckiest:plucky
plumber:plumber plumier:plumy plumiest:plumy plummier:plummy plummiest:plummy podgier:podgy
podgiest:podgy pokier:poky pokiest:poky polisher:polisher porkier:porky porkiest:porky porter:porter
portlier:portly portliest:portly poster:poster pottier:potty pottiest:potty preachier:preachy
preachiest:preachy presenter:presenter pretender:pretender prettier:pretty prettiest:pretty
pricier:pricy priciest:pricy pricklier:prickly prickliest:prickly priestlier:priestly
priestliest:priestly primer:primer primmer:prim primmest:prim princelier:princely
princeliest:princely printer:printer prissier:prissy prissiest:prissy privateer:privateer
privier:privy priviest:privy prompter:prompter prosier:prosy prosiest:prosy pudgier:pudgy
pudgiest:pudgy puffer:puffer puffier:puffy puffiest:puffy pulpier:pulpy pulpiest:pulpy
punchier:punchy punchiest:punchy punier:puny puniest:puny pushier:pushy pushiest:pushy pussier:pussy
pussiest:pussy quaggier:quaggy quaggiest:quaggy quakier:quaky quakiest:quaky queasier:queasy
queasiest:queasy queenlier:queenly queenliest:queenly racier:racy raciest:racy rainier:rainy
rainiest:rainy randier:randy randiest:randy rangier:rangy rangiest:rangy ranker:ranker rattier:ratty
rattiest:ratty rattlier:rattly rattliest:rattly raunchier:raunchy raunchiest:raunchy readier:ready
readiest:ready recorder:recorder redder:red reddest:red reedier:reedy reediest:reedy renter:renter
retailer:retailer rimier:rimy rimiest:rimy riskier:risky riskiest:risky ritzier:ritzy ritziest:ritzy
roaster:roaster rockier:rocky rockiest:rocky roilier:roily roiliest:roily rookier:rooky
rookiest:rooky roomier:roomy roomiest:roomy ropier:ropy ropiest:ropy rosier:rosy rosiest:rosy
rowdier:rowdy rowdiest:rowdy ruddier:ruddy ruddiest:ruddy runnier:runny runniest:runny rusher:rusher
rushier:rushy rushiest:rushy rustier:rusty rustiest:rusty ruttier:rutty ruttiest:rutty sadder:sad
saddest:sad salter:salter saltier:salty saltiest:salty sampler:sampler sandier:sandy sandiest:sandy
sappier:sappy sappiest:sappy sassier:sassy sassiest:sassy saucier:saucy sauciest:saucy savvier:savvy
savviest:savvy scabbier:scabby scabbiest:scabby scalier:scaly scaliest:scaly scantier:scanty
scantiest:scanty scarier:scary scariest:scary scraggier:scraggy scraggiest:scraggy
scragglier:scraggly scraggliest:scraggly scraper:scraper scrappier:scrappy scrappiest:scrappy
scrawnier:scrawny scrawniest:scrawny screwier:screwy screwiest:screwy scrubbier:scrubby
scrubbiest:scrubby scruffier:scruffy scruffiest:scruffy scungier:scungy scungiest:scungy
scurvier:scurvy scurviest:scurvy seamier:seamy seamiest:seamy seconder:seconder seedier:seedy
seediest:seedy seemlier:seemly seemliest:seemly serer:serer sexier:sexy sexiest:sexy shabbier:shabby
shabbiest:shabby shadier:shady shadiest:shady shaggier:shaggy shaggiest:shaggy shakier:shaky
shakiest:shaky shapelier:shapely shapeliest:shapely shier:shy shiest:shy shiftier:shifty
shiftiest:shifty shinier:shiny shiniest:shiny shirtier:shirty shirtiest:shirty shoddier:shoddy
shoddiest:shoddy showier:showy showiest:showy shrubbier:shrubby shrubbiest:shrubby shyer:shy
shyest:shy sicklier:sickly sickliest:sickly sightlier:sightly sightliest:sightly signaler:signaler
signer:signer silkier:silky silkiest:silky sillier:silly silliest:silly sketchier:sketchy
sketchiest:sketchy skewer:skewer skimpier:skimpy skimpiest:skimpy skinnier:skinny skinniest:skinny
slaphappier:slaphappy slaphappiest:slaphappy slatier:slaty slatiest:slaty slaver:slaver
sleazier:sleazy sleaziest:sleazy sleepier:sleepy sleepiest:sleepy slier:sly sliest:sly slimier:slimy
slimiest:slimy slimmer:slim slimmest:slim slimsier:slimsy slimsiest:slimsy slinkier:slinky
slinkiest:slinky slippier:slippy slippiest:slippy sloppier:sloppy sloppiest:sloppy slyer:sly
slyest:sly smarmier:smarmy smarmiest:smarmy smellier:smelly smelliest:smelly smokier:smoky
smokiest:smoky smugger:smug smuggest:smug snakier:snaky snakiest:snaky snappier:snappy
snappiest:snappy snatchier:snatchy snatchiest:snatchy snazzier:snazzy snazziest:snazzy
sneaker:sneaker sniffier:sniffy sniffiest:sniffy snootier:snooty snootiest:snooty snottier:snotty
snottiest:snotty snowier:snowy snowiest:snowy snuffer:snuffer snuffier:snuffy snuffiest:snuffy
snugger:snug snuggest:snug soapier:soapy soapiest:soapy soggier:soggy soggiest:soggy solder:solder
sonsier:sonsy sonsiest:sonsy sootier:sooty sootiest:sooty soppier:soppy soppiest:soppy sorrier:sorry
sorriest:sorry soupier:soupy soupiest:soupy souther:souther southerner:southerner speedier:speedy
speediest:speedy spicier:spicy spiciest:spicy spiffier:spiffy spiffiest:spiffy spikier:spiky
spikiest:spiky spindlier:spindly spindliest:spindly spinier:spiny spiniest:spiny splashier:splashy
splashiest:splashy spongier:spongy spongiest:spongy spookier:spooky spookiest:spooky spoonier:spoony
spooniest:spoony sportier:sporty sportiest:sporty spottier:spotty spottiest:spotty spreader:spreader
sprier:spry spriest:spry sprightlier:sprightly sprightliest:sprightly springer:springer
springier:springy springiest:springy squashier:squashy squashiest:squashy squatter:squat
squattest:squat squattier:squatty squattiest:squatty squiffier:squiffy squiffiest:squiffy
stagier:stagy stagiest:stagy stalkier:stalky stalkiest:stalky stapler:stapler starchier:starchy
starchiest:starchy starer:starer starest:starest starrier:starry starriest:starry statelier:stately
stateliest:stately steadier:steady steadiest:steady stealthier:stealthy stealthiest:stealthy
steamier:steamy steamiest:steamy stingier:stingy stingiest:stingy stiper:striper stocker:stocker
stockier:stocky stockiest:stocky stodgier:stodgy stodgiest:stodgy stonier:stony stoniest:stony
stormier:stormy stormiest:stormy streakier:streaky streakiest:streaky streamier:streamy
streamiest:streamy stretcher:stretcher stretchier:stretchy stretchiest:stretchy stringier:stringy
stringiest:stringy stripier:stripy stripiest:stripy stronger:strong strongest:strong
stroppier:stroppy stroppiest:stroppy stuffier:stuffy stuffiest:stuffy stumpier:stumpy
stumpiest:stumpy sturdier:sturdy sturdiest:sturdy submariner:submariner sulkier:sulky sulkiest:sulky
sultrier:sultry sultriest:sultry sunnier:sunny sunniest:sunny surlier:surly surliest:surly
swagger:swagger swankier:swanky swankiest:swanky swarthier:swarthy swarthiest:swarthy
sweatier:sweaty sweatiest:sweaty tackier:tacky tackiest:tacky talkier:talky talkiest:talky
tangier:tangy tangiest:tangy tanner:tan tannest:tan tardier:tardy tardiest:tardy tastier:tasty
tastiest:tasty tattier:tatty tattiest:tatty tawdrier:tawdry tawdriest:tawdry techier:techy
techiest:techy teenager:teenager teenier:teeny teeniest:teeny teetotaler:teetotaler tester:tester
testier:testy testiest:testy tetchier:tetchy tetchiest:tetchy thinner:thin thinnest:thin
thirstier:thirsty thirstiest:thirsty thornier:thorny thorniest:thorny threadier:thready
threadiest:thready thriftier:thrifty thriftiest:thrifty throatier:throaty throatiest:throaty
tidier:tidy tidiest:tidy timelier:timely timeliest:timely tinier:tiny tiniest:tiny tinnier:tinny
tinniest:tinny tipsier:tipsy tipsiest:tipsy tonier:tony toniest:tony toothier:toothy
toothiest:toothy toper:toper touchier:touchy touchiest:touchy trader:trader trashier:trashy
trashiest:trashy trendier:trendy trendiest:trendy trickier:tricky trickiest:tricky tricksier:tricksy
tricksiest:tricksy trimer:trimer trimmer:trim trimmest:trim truer:true truest:true trustier:trusty
trustiest:trusty tubbier:tubby tubbiest:tubby turfier:turfy turfiest:turfy tweedier:tweedy
tweediest:tweedy twiggier:twiggy twiggiest:twiggy uglier:ugly ugliest:ugly unfriendlier:unfriendly
unfriendliest:unfriendly ungainlier:ungainly ungainliest:ungainly ungodlier:ungodly
ungodliest:ungodly unhappier:unhappy unhappiest:unhappy unhealthier:unhealthy unhealthiest:unhealthy
unholier:unholy unholiest:unholy unrulier:unruly unruliest:unruly untidier:untidy untidiest:untidy
vastier:vasty vastiest:vasty vest:vest viewier:viewy viewiest:viewy wackier:wacky wackiest:wacky
wanner:wan wannest:wan warier:wary wariest:wary washier:washy washiest:washy waster:waster
wavier:wavy waviest:wavy waxier:waxy waxiest:waxy weaklier:weakly weakliest:weakly wealthier:wealthy
wealthiest:wealthy wearier:weary weariest:weary webbier:webby webbiest:webby weedier:weedy
weediest:weedy weenier:weeny weeniest:weeny weensier:weensy weensiest:weensy weepier:weepy
weepiest:weepy weightier:weighty weightiest:weighty welsher:welsher wetter:wet wettest:wet
whackier:whacky whackiest:whacky whimsier:whimsy whimsiest:whimsy wholesaler:wholesaler
wieldier:wieldy wieldiest:wieldy wilier:wily wiliest:wily windier:windy windiest:windy winier:winy
winiest:winy winterier:wintery winteriest:wintery wintrier:wintry wintriest:wintry wirier:wiry
wiriest:wiry wispier:wispy wispiest:wispy wittier:witty wittiest:witty wonkier:wonky wonkiest:wonky
woodier:woody woodiest:woody woodsier:woodsy woodsiest:woodsy woollier:woolly woolliest:woolly
woozier:woozy wooziest:woozy wordier:wordy wordiest:wordy worldlier:worldly worldliest:worldly
wormier:wormy wormiest:wormy worse:bad worst:bad worthier:worthy worthiest:worthy wrier:wry
wriest:wry wryer:wry wryest:wry yarer:yare yarest:yare yeastier:yeasty yeastiest:yeasty
younger:young youngest:young yummier:yummy yummiest:yummy zanier:zany zaniest:zany zippier:zippy
zippiest:zippy deeper:deeply farther:far further:far harder:hard hardest:hard aardwolves:aardwolf
abaci:abacus aboideaux:aboideau aboiteaux:aboiteau abscissae:abscissa acanthi:acanthus acari:acarus
acciaccature:acciaccatura acetabula:acetabulum achaemenidae:achaemenid achaemenides:achaemenid
acicula:aciculum aciculae:acicula acini:acinus acromia:acromion actiniae:actinia
actinozoa:actinozoan addenda:addendum adenocarcinomata:adenocarcinoma adenomata:adenoma adieux:adieu
adyta:adytum aecia:aecium aecidia:aecidium aerobia:aerobium aggiornamenti:aggiornamento
agnomina:agnomen agones:agon agorae:agora agouties:agouti alae:ala alewives:alewife alkalies:alkali
allodia:allodium alluvia:alluvium alodia:alodium altocumuli:altocumulus altostrati:altostratus
alulae:alula alumnae:alumna alumni:alumnus alveoli:alveolus amanuenses:amanuensis
ambulacra:ambulacrum amebae:ameba amnia:amnion amniocenteses:amniocentesis amoebae:amoeba
amoebiases:amoebiasis amoraim:amora amoretti:amoretto amorini:amorino amphiarthroses:amphiarthrosis
amphicia:amphithecium amphimixes:amphimixis amphioxi:amphioxus amphisbaenae:amphisbaena
amphorae:amphora ampullae:ampulla amygdalae:amygdala anabases:anabasis anacolutha:anacoluthon
anacruses:anacrusis anaerobia:anaerobium anagnorises:anagnorisis analemmata:analemma
analyses:analysis anamneses:anamnesis anamorphoses:anamorphosis anastomoses:anastomosis
anatyxes:anaptyxis ancones:ancon androclinia:androclinium androecia:androecium
androsphinges:androsphinx andtheridia:antheridium angelfishes:angelfish angiomata:angioma
animalcula:animalculum anlagen:anlage annattos:anatto annuli:annulus antae:anta
antalkalies:antalkali antefixa:antefix antennae:antenna antependia:antependium anthelia:anthelion
anthelices:anthelix anthemia:anthemion antheridia:antheridium anthodia:anthodium anthozoa:anthozoan
anthraces:anthrax anticlinoria:anticlinorium antihelices:antihelix antiheroes:antihero
antisera:antiserum antitheses:antithesis antitragi:antitragus antra:antrum anus:anus aortae:aorta
aphelia:aphelion aphides:aphis apices:apex apodoses:apodosis apomixes:apomixis
aponeuroses:aponeurosis apophyses:apophysis aposiopeses:aposiopesis apothecia:apothecium
apotheoses:apotheosis apparatus:apparatus appendices:appendix appoggiature:appoggiatura
apsides:apsis aquae:aqua aquaria:aquarium araglis:argali arboreta:arboretum arcana:arcanum
archegonia:archegonium archerfishes:archerfish archesporia:archesporium archipelagoes:archipelago
areolae:areola argali:argali argumenta:argumentum ariette:arietta aristae:arista
armamentaria:armamentarium arses:arsis artal:rotl artel:rotl arterioscleroses:arteriosclerosis
aruspices:aruspex asceses:ascesis asci:ascus ascidia:ascidium ascogonia:ascogonium ashes:ash
ashkenazim:ashkenazi aspergilla:aspergillum aspergilli:aspergillus aspergilloses:aspergillosis
aspersoria:aspersorium assegais:assagai astragali:astragalus asyndeta:asyndeton atheromata:atheroma
atheroscleroses:atherosclerosis atmolyses:atmolysis atria:atrium auditoria:auditorium aurae:aura
aurar:eyrir aurei:aureus auriculae:auricula aurorae:aurora auspices:auspex
autocatalyses:autocatalysis autochthones:autochthon automata:automaton avitaminoses:avitaminosis
axes:ax axillae:axilla bacchantes:bacchant bacchii:bacchius bacilli:bacillus
bacteriostases:bacteriostasis bacula:baculum ballistae:ballista bambini:bambino bandeaux:bandeau
banditti:bandit bani:ban banjoes:banjo barklice:barklouse barramundies:barramundi bases:base
basidia:basidium basileis:basileus bassi:basso bastinadoes:bastinado bateaux:bateau
batfishes:batfish beadsmen:beadsman beaux:beau beeves:beef behooves:behoof bersaglieri:bersagliere
bhishties:bheesty bibliothecae:bibliotheca bicennaries:bicentenary bijoux:bijou bilboes:bilbo
billfishes:billfish bimboes:bimbo bisectrices:bisectrix blackfeet:blackfoot blackfishes:blackfish
blastemata:blastema blastulae:blastula blindfishes:blindfish blowfishes:blowfish bluefishes:bluefish
boarfishes:boarfish boleti:boletus bolivares:bolivar bolsheviki:bolshevik bonefishes:bonefish
bongoes:bongo bonitoes:bonito booklice:booklouse bookshelves:bookshelf boraces:borax
borborygmi:borborygmus bordereaux:bordereau botargoes:botargo boxfishes:boxfish brachia:brachium
brainchildren:brainchild branchiae:branchia brants:brant bravadoes:bravado bravoes:bravo
bregmata:bregma brethren:brother broadleaves:broadleaf bronchi:bronchus bryozoa:bryozoan buboes:bubo
buckoes:bucko buckteeth:bucktooth buffaloes:buffalo bullae:bulla bunde:bund bureaux:bureau
bursae:bursa bushbok:boschbok bushboks:boschbok busses:bus butterfishes:butterfish byssi:byssus
cacti:cactus caducei:caduceus caeca:caecum caesurae:caesura calami:calamus calathi:calathus
calcanei:calcaneum calces:calx calculi:calculus caldaria:caldarium calices:calix calicoes:calico
calli:callus calves:calf calyces:calyx cambia:cambium camerae:camera canaliculi:canaliculus
candelabra:candelabrum candlefishes:candlefish canthi:canthus canulae:canula canzoni:canzone
capita:caput capitula:capitulum capricci:capriccio carabinieri:carabiniere carbonadoes:carbonado
carcinomata:carcinoma cargoes:cargo carides:caryatid carinae:carina caroli:carolus carpi:carpus
carpogonia:carpogonium caryopses:caryopsis caryopsides:caryopsis castrati:castrato
catabases:catabasis cataclases:cataclasis cataloes:catalo catalyses:catalysis catenae:catena
catfishes:catfish cathari:cathar cathexes:cathexis cattaloes:cattalo caudices:caudex caules:caulis
cavatine:cavatina cavefishes:cavefish cavetti:cavetto ceca:cecum cellae:cella cembali:cembalo
centesimi:centesimo centra:centrum cephalothoraces:cephalothorax cercariae:cercaria
cercariiae:cercaria cerci:cercus cerebella:cerebellum cerebra:cerebrum cervices:cervix
cestuses:caestus cesurae:cesura chadarim:cheder chaetae:chaeta chalazae:chalaza challoth:hallah
chalutzim:chalutz chapaties:chapati chapatties:chapatti chapeaux:chapeau chasidim:chasid
chassidim:chassid chateaux:chateau chazanim:chazan chedarim:cheder chelae:chela chelicerae:chelicera
cherubim:cherub chiasmata:chiasma chiasmi:chiasmus children:child chillies:chilli
chitarroni:chitarrone chlamydes:chlamys chlamyses:chlamys chondromata:chondroma choragi:choragus
choriambi:choriambus choux:chou chromonemata:chromonema chrysalides:chrysalis chuvashes:chuvash
ciboria:ciborium cicadae:cicada cicale:cicala cicatrices:cicatrix ciceroni:cicerone
cicisbei:cicisbeo cilia:cilium cimices:cimex cineraria:cinerarium cingula:cingulum cirri:cirrus
cirrocumuli:cirrocumulus cirrostrati:cirrostratus ciscoes:cisco cisternae:cisterna clani:clarino
clanos:clarino claroes:claro clepsydrae:clepsydra clinandria:clinandrium clingfishes:clingfish
clitella:clitellum cloacae:cloaca clostridia:clostridium cloverleaves:cloverleaf clypei:clypeus
coagula:coagulum coalfishes:coalfish cocci:coccus coccyges:coccyx cochleae:cochlea codfishes:codfish
codices:codex coelentera:coelenteron coenuri:coenurus cognomina:cognomen cognosenti:cognosente
cola:colon coleorhizae:coleorhiza collegia:collegium colloquia:colloquium colluvia:colluvium
collyria:collyrium colones:colon colossi:colossus columbaria:columbarium columellae:columella
comae:coma comatulae:comatula comedones:comedo comics:comic_strip commandoes:commando
concertanti:concertante concerti:concerto concertini:concertino conchae:concha
condottieri:condottiere condylomata:condyloma confervae:conferva congii:congius conidia:conidium
conjunctivae:conjunctiva conquistadores:conquistador consortia:consortium contagia:contagium
continua:continuum contralti:contralto conversazioni:conversazione convolvuli:convolvulus
copulae:copula corbiculae:corbicula coria:corium corneae:cornea cornua:cornu coronae:corona
corpora:corpus corrigenda:corrigendum cortices:cortex cortinae:cortina corybantes:corybant
coryphaei:coryphaeus costae:costa cothurni:cothurnus couteaux:couteau cowfishes:cowfish coxae:coxa
cramboes:crambo crania:cranium crases:crasis crawfishes:crawfish crayfishes:crayfish
credenda:credendum crematoria:crematorium crescendi:crescendo cribella:cribellum crises:crisis
crissa:crissum cristae:crista criteria:criterion cruces:crux crura:crus crusadoes:crusado
cruzadoes:cruzado crying:cry cryings:cry ctenidia:ctenidium cubicula:cubiculum culices:culex
culpae:culpa culti:cultus cumuli:cumulus cumulonimbi:cumulonimbus cumulostrati:cumulostratus
curiae:curia curricula:curriculum custodes:custos cutes:cutis cuticulae:cuticula
cuttlefishes:cuttlefish cyclopes:cyclops cycloses:cyclosis cylices:cylix cylikes:cylix cymae:cyma
cymatia:cymatium cypselae:cypsela cysticerci:cysticercus dadoes:dado dagoes:dago
damselfishes:damselfish data:datum daymio:daimio daymios:daimio dealfishes:dealfish
decemviri:decemvir decennia:decennium deciduae:decidua definienda:definiendum definientia:definiens
delphinia:delphinium denarii:denarius dentalia:dentalium dermatoses:dermatosis
desiderata:desideratum desperadoes:desperado devilfishes:devilfish diaereses:diaeresis
diaerses:diaeresis diagnoses:diagnosis dialyses:dialysis diaphyses:diaphysis diapophyses:diapophysis
diarthroses:diarthrosis diastalses:diastalsis diastases:diastasis diastemata:diastema
diathses:diathesis diazoes:diazo dibbukkim:dibbuk dichasia:dichasium dicta:dictum didoes:dido
diereses:dieresis dieses:diesis differentiae:differentia dilettanti:dilettante diluvia:diluvium
dingoes:dingo diplococci:diplococcus disci:discus discoboli:discobolos dive:diva
diverticula:diverticulum divertimenti:divertimento djinn:djinni dodoes:dodo dogfishes:dogfish
dogmata:dogma dogteeth:dogtooth dollarfishes:dollarfish domatia:domatium dominoes:domino
dormice:dormouse dorsa:dorsum drachmae:drachma drawknives:drawknife drosophilae:drosophila
drumfishes:drumfish dryades:dryad duona:duodenum duonas:duodenum dupondii:dupondius duumviri:duumvir
dwarves:dwarf dybbukkim:dybbuk ecchymoses:ecchymosis ecclesiae:ecclesia ecdyses:ecdysis
echidnae:echidna echini:echinus echinococci:echinococcus echoes:echo ectozoa:ectozoan eddoes:eddo
edemata:edema effluvia:effluvium eidola:eidolon eisegeses:eisegesis eisteddfodau:eisteddfod
elenchi:elenchus ellipses:ellipsis eluvia:eluvium elves:elf elytra:elytron embargoes:embargo
emboli:embolus emphases:emphasis emporia:emporium enarthroses:enarthrosis encephala:encephalon
encephalitides:encephalitis encephalomata:encephaloma enchiridia:enchiridion
enchondromata:enchondroma encomia:encomium endamebae:endameba endamoebae:endamoeba
endocardia:endocardium endocrania:endocranium endometria:endometrium endostea:endosteum
endostoses:endostosis endothecia:endothecium endothelia:endothelium endotheliomata:endothelioma
endozoa:endozoan enemata:enema enneahedra:enneahedron entamebae:entameba entamoebae:entamoeba
entases:entasis entera:enteron entia:ens entozoa:entozoan epencephala:epencephalon
epentheses:epenthesis epexegeses:epexegesis ephemera:ephemeron ephemerae:ephemera
ephemerides:ephemeris ephori:ephor epicalyces:epicalyx epicanthi:epicanthus epicardia:epicardium
epicedia:epicedium epicleses:epiclesis epididymides:epididymis epigastria:epigastrium
epiglottides:epiglottis epimysia:epimysium epiphenomena:epiphenomenon epiphyses:epiphysis
episterna:episternum epithalamia:epithalamion epithelia:epithelium epitheliomata:epithelioma
epizoa:epizoan epyllia:epyllion equilibria:equilibrium equiseta:equisetum eringoes:eringo
errata:erratum eryngoes:eryngo esophagi:esophagus etyma:etymon eucalypti:eucalyptus
eupatridae:eupatrid euripi:euripus exanthemata:exanthema executrices:executrix exegeses:exegesis
exempla:exemplum exordia:exordium exostoses:exostosis extrema:extremum eyeteeth:eyetooth
fabliaux:fabliau faciae:facia faculae:facula faeroese:faeroese fallfishes:fallfish famuli:famulus
faroese:faroese farragoes:farrago fasciae:fascia fasciculi:fasciculus fatsoes:fatso faunae:fauna
feculae:fecula fedayeen:fedayee feet:foot fellaheen:fellah fellahin:fellah femora:femur
fenestellae:fenestella fenestrae:fenestra feriae:feria fermate:fermata ferulae:ferula
festschriften:festschrift fetiales:fetial fezzes:fez fiascoes:fiasco fibrillae:fibrilla
fibromata:fibroma fibulae:fibula ficoes:fico fideicommissa:fideicommissum fieldmice:fieldmouse
fila:filum filariiae:filaria filefishes:filefish fimbriae:fimbria fishes:fish fishwives:fishwife
fistulae:fistula flabella:flabellum flagella:flagellum flagstaves:flagstaff flambeaux:flambeau
flamines:flamen flamingoes:flamingo flatfeet:flatfoot flatfishes:flatfish flittermice:flittermouse
flocci:floccus flocculi:flocculus florae:flora florilegia:florilegium flyleaves:flyleaf foci:focus
folia:folium fora:forum foramina:foramen forceps:forceps forefeet:forefoot foreteeth:foretooth
formicaria:formicarium formulae:formula fornices:fornix fortes:fortis fossae:fossa foveae:fovea
foveolae:foveola fractocumuli:fractocumulus fractostrati:fractostratus fraena:fraenum frauen:frau
frena:frenum frenula:frenulum frescoes:fresco fricandeaux:fricandeau fricandoes:fricando
frijoles:frijol frogfishes:frogfish frontes:frons frusta:frustum fuci:fucus fulcra:fulcrum
fumatoria:fumatorium fundi:fundus fungi:fungus funiculi:funiculus furcula:furculum furculae:furcula
furfures:furfur galeae:galea gambadoes:gambado gametangia:gametangium gametoecia:gametoecium
gammadia:gammadion ganglia:ganglion garfishes:garfish gasses:gas gastrulae:gastrula gateaux:gateau
gazeboes:gazebo geckoes:gecko geese:goose gelsemia:gelsemium gemboks:gemsbok gembucks:gemsbuck
gemeinschaften:gemeinschaft gemmae:gemma genera:genus generatrices:generatrix geneses:genesis
genii:genius gentes:gens genua:genu genus:genus germina:germen gesellschaften:gesellschaft
gestalten:gestalt ghettoes:ghetto gingivae:gingiva gingkoes:gingko ginglymi:ginglymus
ginkgoes:ginkgo gippoes:gippo glabellae:glabella gladioli:gladiolus glandes:glans gliomata:glioma
glissandi:glissando globefishes:globefish globigerinae:globigerina glochidcia:glochidium
glochidia:glochidium glomeruli:glomerulus glossae:glossa glottides:glottis glutaei:glutaeus
glutei:gluteus gnoses:gnosis goatfishes:goatfish goboes:gobo godchildren:godchild goes:go
goldfishes:goldfish gomphoses:gomphosis gonia:gonion gonidia:gonidium gonococci:gonococcus
goodwives:goodwife goosefishes:goosefish gorgoneia:gorgoneion gospopoda:gospodin goyim:goy
grafen:graf graffiti:graffito grandchildren:grandchild granulomata:granuloma gravamina:gravamen
groszy:grosz grottoes:grotto guilder:guilde guilders:guilde guitarfishes:guitarfish gummata:gumma
gurnard:gurnar gurnards:gurnar guttae:gutta gymnasia:gymnasium gynaecea:gynaeceum gynaecia:gynaecium
gynecea:gynecium gynecia:gynecium gynoecea:gynoecium gynoecia:gynoecium gyri:gyrus hadarim:heder
hadjes:hadj haematolyses:haematolysis haematomata:haematoma haematozoa:haematozoon
haemodialyses:haemodialysis haemolyses:haemolysis haemoptyses:haemoptysis haeredes:haeres
haftaroth:haftarah hagfishes:hagfish haggadas:haggada haggadoth:haggada hajjes:hajj haleru:haler
halfpence:halfpenny hallot:hallah halloth:hallah halluces:hallux haloes:halo halteres:halter
halves:half hamuli:hamulus haphtaroth:haphtarah haredim:haredi haruspices:haruspex hasidim:hasid
hassidim:hassid haustella:haustellum haustoria:haustorium hazzanim:hazzan hectocotyli:hectocotylus
heldentenore:heldentenor helices:helix heliozoa:heliozoan hematolyses:hematolysis
hematomata:hematoma hematozoa:hematozoon hemelytra:hemelytron hemielytra:hemielytron
hemodialyses:hemodialysis hemolyses:hemolysis hemoptyses:hemoptysis hendecahedra:hendecahedron
heraclidae:heraclid heraklidae:heraklid herbaria:herbarium hermae:herm hermai:herma herniae:hernia
heroes:hero herren:herr hetaerae:hetaera hetairai:hetaira hibernacula:hibernaculum
hieracosphinges:hieracosphinx hila:hilum hili:hilus himatia:himation hippocampi:hippocampus
hippopotami:hippopotamus hoboes:hobo hogfishes:hogfish homunculi:homunculus honoraria:honorarium
hooves:hoof horologia:horologium housewives:housewife humeri:humerus hydrae:hydra
hydromedusae:hydromedusa hydrozoa:hydrozoan hymenoptera:hymenopteran hynia:hymenium hyniums:hymenium
hypanthia:hypanthium hyperostoses:hyperostosis hyphae:hypha hypnoses:hypnosis
hypochondria:hypochondrium hypogastria:hypogastrium hypogea:hypogeum hypophyses:hypophysis
hypostases:hypostasis hypothalami:hypothalamus hypotheses:hypothesis hyraces:hyrax iambi:iamb
ibices:ibex ichthyosauri:ichthyosaurus ichthyosauruses:ichthyosaur iconostases:iconostas
icosahedra:icosahedron ideata:ideatum igorrorote:igorrote ilia:ilium imagines:imago imagoes:imago
imperia:imperium impies:impi incubi:incubus incudes:incus indices:index indigoes:indigo
indumenta:indumentum indusia:indusium infundibula:infundibulum ingushes:ingush innuendoes:innuendo
inocula:inoculum insectaria:insectarium insulae:insula intagli:intaglio interleaves:interleaf
intermezzi:intermezzo interreges:interrex interregna:interregnum intimae:intima
involucella:involucellum involucra:involucrum irides:iris ischia:ischium isthmi:isthmus
jackeroos:jackaroo jackfishes:jackfish jackknives:jackknife jambeaux:jambeau jellyfishes:jellyfish
jewelfishes:jewelfish jewfishes:jewfish jingoes:jingo jinn:jinni joes:jo jura:jus kaddishim:kaddish
kalmuck:kalmuc kalmucks:kalmuc katabases:katabasis keeshonden:keeshond kibbutzim:kibbutz
killifishes:killifish kingfishes:kingfish knives:knife kohlrabies:kohlrabi kronen:krone kroner:krone
kronur:krona krooni:kroon kylikes:kylix labara:labarum labella:labellum labia:labium labra:labrum
lactobacilli:lactobacillus lacunae:lacuna lacunaria:lacunar lamellae:lamella lamiae:lamia
laminae:lamina lapilli:lapillus lapithae:lapith larvae:larva larynges:larynx lassoes:lasso lati:lat
latices:latex latifundia:latifundium latu:lat lavaboes:lavabo leaves:leaf lecythi:lecythus leges:lex
lemmata:lemma lemnisci:lemniscus lenes:lenis lentigines:lentigo leonides:leonid
lepidoptera:lepidopteran leprosaria:leprosarium lepta:lepton leptocephali:leptocephalus
leucocytozoa:leucocytozoan leva:lev librae:libra libretti:libretto lice:louse lieder:lied
ligulae:ligula limbi:limbus limina:limen limites:limes limuli:limulus lingoes:lingo linguae:lingua
lionfishes:lionfish lipomata:lipoma lire:lira liriodendra:liriodendron lisente:sente listente:sente
litai:lit litu:litas lives:life lixivia:lixivium loaves:loaf loci:locus loculi:loculus loggie:loggia
logia:logion lomenta:lomentum longobardi:longobard loricae:lorica luba:luba lubritoria:lubritorium
lumbus:lumbi lumina:lumen lumpfishes:lumpfish lungfishes:lungfish lunulae:lunula lures:lur
lustra:lustre lymphangitides:lymphangitis lymphomata:lymphoma lymphopoieses:lymphopoiesis
lyses:lysis lyttae:lytta maare:maar macaronies:macaroni maccaronies:maccaroni machzorim:machzor
macronuclei:macronucleus macrosporangia:macrosporangium maculae:macula madornos:madrono
maestri:maestro mafiosi:mafioso magi:magus magmata:magma magnificoes:magnifico mahzorim:mahzor
makuta:likuta mallei:malleus malleoli:malleolus maloti:loti mamillae:mamilla mammae:mamma
mammillae:mammilla mandingoes:mandingo mangoes:mango manifestoes:manifesto manteaux:manteau
mantes:mantis manubria:manubrium marchese:marchesa marchesi:marchese maremme:maremma markkaa:markka
marsupia:marsupium masses:mass matrices:matrix matzoth:matzo mausolea:mausoleum maxillae:maxilla
maxima:maximum media:medium mediae:media mediastina:mediastinum medullae:medulla medusae:medusa
megara:megaron megasporangia:megasporangium megilloth:megillah meioses:meiosis melanomata:melanoma
melismata:melisma mementoes:memento memoranda:memorandum menisci:meniscus menservants:manservant
menstrua:menstruum mesdames:madame mesdemoiselles:mademoiselle mesentera:mesenteron
mesothoraces:mesothorax messeigneurs:monseigneur messieurs:monsieur mestizoes:mestizo
metacarpi:metacarpus metamorphoses:metamorphosis metanephroi:metanephros metastases:metastasis
metatarsi:metatarsus metatheses:metathesis metathoraces:metathorax metazoa:metazoan
metempsychoses:metempsychosis metencephala:metencephalon mezuzoth:mezuzah miasmata:miasma mice:mouse
microanalyses:microanalysis micrococci:micrococcus micronuclei:micronucleus
microsporangia:microsporangium midrashim:midrash midwives:midwife milia:milium milieux:milieu
milkfishes:milkfish millennia:millennium minae:mina minima:minimum ministeria:ministerium
minutiae:minutia minyanim:minyan mioses:miosis miracidia:miracidium miri:mir mishnayoth:mishna
mitochondria:mitochondrion mitzvoth:mitzvah modioli:modiolus moduli:modulus momenta:momentum
momi:momus monades:monad monkfishes:monkfish monochasia:monochasium monopodia:monopodium
monoptera:monopteron monopteroi:monopteros monsignori:monsignor mooncalves:mooncalf
moonfishes:moonfish morae:mora moratoria:moratorium morceaux:morceau morescoes:moresco
moriscoes:morisco morphallaxes:morphallaxis morphoses:morphosis morses:morse morulae:morula
mosasauri:mosasaurus moshavim:moshav moslim:moslem moslims:moslem mosquitoes:mosquito mottoes:motto
mucosae:mucosa mucrones:mucro mudejares:mudejar mudfishes:mudfish mulattoes:mulatto
multiparae:multipara murices:murex muskallunge:muskellunge mycelia:mycelium mycetomata:mycetoma
mycobacteria:mycobacterium mycorrhizae:mycorrhiza myelencephala:myelencephalon myiases:myiasis
myocardia:myocardium myofibrillae:myofibrilla myomata:myoma myoses:myosis myrmidones:myrmidon
mythoi:mythos myxomata:myxoma naevi:naevus naiades:naiad naoi:naos narcissi:narcissus nares:naris
nasopharynges:nasopharynx natatoria:natatorium naumachiae:naumachia nauplii:nauplius
nautili:nautilus navahoes:navaho navajoes:navajo nebulae:nebula necropoleis:necropolis
needlefishes:needlefish negrilloes:negrillo negritoes:negrito negroes:negro nemeses:nemesis
nephridia:nephridium nereides:nereid neurohypophyses:neurohypophysis neuromata:neuroma
neuroptera:neuropteron neuroses:neurosis nevi:nevus nibelungen:nibelung nidi:nidus nielli:niello
nilgai:nilgai nimbi:nimbus nimbostrati:nimbostratus noctilucae:noctiluca nodi:nodus noes:no
nomina:nomen nota:notum noumena:noumenon novae:nova novelle:novella novenae:novena
nubeculae:nubecula nucelli:nucellus nuchae:nucha nuclei:nucleus nucleoli:nucleolus
nulliparae:nullipara numbfishes:numbfish numina:numen nymphae:nympha oarfishes:oarfish oases:oasis
obeli:obelus obligati:obligato oboli:obolus occipita:occiput oceanaria:oceanarium oceanides:oceanid
ocelli:ocellus ochreae:ochrea ocreae:ochrea octahedra:octahedron octopi:octopus oculi:oculus
odea:odeum oedemata:edema oesophagi:esophagus oldwives:oldwife olea:oleum omasa:omasum
omayyades:omayyad omenta:omentum ommatidia:ommatidium ommiades:ommiad onagri:onager oogonia:oogonium
oothecae:ootheca opercula:operculum optima:optimum organa:organon organums:organa
orthoptera:orthopteron osar:os oscula:osculum ossa:os osteomata:osteoma ostia:ostium ottomans:othman
ovoli:ovolo ovotestes:ovotestis oxen:ox oxymora:oxymoron paddlefishes:paddlefish paise:paisa
paleae:palea palestrae:palestra palingeneses:palingenesis pallia:pallium palmettoes:palmetto
palpi:palpus pancratia:pancratium panettoni:panettone paparazzi:paparazzo paperknives:paperknife
papillae:papilla papillomata:papilloma pappi:pappus papulae:papula papyri:papyrus
parabases:parabasis paraleipses:paraleipsis paralyses:paralysis paramecia:paramecium
paramenta:parament paraphyses:paraphysis parapodia:parapodium parapraxes:parapraxis
paraselenae:paraselene parashoth:parashah parasyntheta:parasyntheton parazoa:parazoan
parentheses:parenthesis parerga:parergon parhelia:parhelion parietes:paries parrotfishes:parrotfish
parulides:parulis pastorali:pastorale patagia:patagium patellae:patella patinae:patina
patresfamilias:paterfamilias pease:pea peccadilloes:peccadillo pectines:pecten pedaloes:pedalo
pedes:pes pekingese:pekinese pelves:pelvis pence:penny penes:penis penetralium:penetralia
penicillia:penicillium penknives:penknife pennae:penna pennia:penni pentahedra:pentahedron
pentimenti:pentimento penumbrae:penumbra pepla:peplum pericardia:pericardium
perichondria:perichondrium pericrania:pericranium peridia:peridium perigonia:perigonium
perihelia:perihelion perinea:perineum perinephria:perinephrium perionychia:perionychium
periostea:periosteum periphrases:periphrasis peristalses:peristalsis perithecia:perithecium
peritonea:peritoneum personae:persona petechiae:petechia pfennige:pfennig phalanges:phalange
phalli:phallus pharynges:pharynx phenomena:phenomenon philodendra:philodendron phlyctenae:phlyctaena
phyla:phylum phylae:phyle phyllotaxes:phyllotaxis phylloxerae:phylloxera phylogeneses:phylogenesis
pigfishes:pigfish pilea:pileum pilei:pileus pineta:pinetum pinfishes:pinfish pinkoes:pinko
pinnae:pinna pinnulae:pinnula pipefishes:pipefish pirogi:pirog piscinae:piscina
pithecanthropi:pithecanthropus pithoi:pithos placeboes:placebo placentae:placenta
planetaria:planetarium planulae:planula plasmodesmata:plasmodesma plasmodia:plasmodium
plateaux:plateau plectra:plectron plena:plenum pleura:pleuron pleurae:pleura plicae:plica
ploughmen:ploughman pneumobacilli:pneumobacillus pneumococci:pneumococcus pocketknives:pocketknife
podetia:podetium podia:podium poleis:polis pollices:pollex pollinia:pollinium polychasia:polychasium
polyhedra:polyhedron polyparia:polyparium polypi:polypus polyzoa:polyzoan polyzoaria:polyzoarium
pontes:pons pontifices:pontifex portamenti:portamento porticoes:portico portmanteaux:portmanteau
postliminia:postliminium potatoes:potato praenomina:praenomen praxes:praxis predelle:predella
premaxillae:premaxilla prenomina:prenomen prese:presa primi:primo primigravidae:primigravida
primiparae:primipara primordia:primordium principia:principium proboscides:proboscis
proglottides:proglottid prognoses:prognosis prolegomena:prolegomenon prolepses:prolepsis
promycelia:promycelium pronephra:pronephros pronephroi:pronephros pronuclei:pronucleus
propositi:propositus proptoses:proptosis propyla:propylon propylaea:propylaeum proscenia:proscenium
prosencephala:prosencephalon prostheses:prosthesis prostomia:prostomium protases:protasis
prothalamia:prothalamion prothalli:prothallus prothallia:prothallium prothoraces:prothorax
protonemata:protonema protozoa:protozoan proventriculi:proventriculus provisoes:proviso
prytanea:prytaneum psalteria:psalterium pseudopodia:pseudopodium psychoneuroses:psychoneurosis
psychoses:psychosis pterygia:pterygium pterylae:pteryla ptoses:ptosis pubes:pubis pudenda:pudendum
puli:pul pulvilli:pulvillus pulvini:pulvinus punchinelloes:punchinello pupae:pupa puparia:puparium
putamina:putamen putti:putto pycnidia:pycnidium pygidia:pygidium pylori:pylorus pyxides:pyxis
pyxidia:pyxidium qaddishim:qaddish quadrennia:quadrennium quadrigae:quadriga qualia:quale
quanta:quantum quarterstaves:quarterstaff quezales:quezal quinquennia:quinquennium quizzes:quiz
rabatos:rabato rabbitfishes:rabbitfish rachides:rhachis radices:radix radii:radius radulae:radula
ramenta:ramentum rami:ramus ranulae:ranula ranunculi:ranunculus raphae:raphe raphides:raphide
ratfishes:ratfish reales:real rearmice:rearmouse recta:rectum recti:rectus rectrices:rectrix
redfishes:redfish rediae:redia referenda:referendum refugia:refugium reguli:regulus reis:real
relata:relatum remiges:remex reremice:rearmouse reseaux:reseau residua:residuum responsa:responsum
retia:rete retiarii:retiarius reticula:reticulum retinacula:retinaculum retinae:retina
rhabdomyomata:rhabdomyoma rhachides:rhachis rhachises:rachis rhinencephala:rhinencephalon
rhizobia:rhizobium rhombi:rhombus rhonchi:rhonchus rhyta:rhyton ribbonfishes:ribbonfish
ricercacari:ricercare ricercari:ricercare rickettsiae:rickettsia rilievi:rilievo rimae:rima
rockfishes:rockfish roma:rom rondeaux:rondeau rosaria:rosarium rosefishes:rosefish
rostella:rostellum rostra:rostrum rouleaux:rouleau rugae:ruga rumina:rumen sacra:sacrum
sacraria:sacrarium saguaros:saguaro sailfishes:sailfish salespeople:salesperson
salmonellae:salmonella salpae:salpa salpinges:salpinx saltarelli:saltarello salvoes:salvo
sancta:sanctum sanitaria:sanitarium santimi:santims saphenae:saphena sarcophagi:sarcophagus
sartorii:sartorius sassanidae:sassanid sawfishes:sawfish scaldfishes:scaldfish scaleni:scalenus
scapulae:scapula scarabaei:scarabaeus scarves:scarf schatchonim:schatchen schemata:schema
scherzandi:scherzando scherzi:scherzo schmoes:schmo scholia:scholium schuln:schul
schutzstaffeln:schutzstaffel scirrhi:scirrhus scleromata:scleroma scleroses:sclerosis
sclerotia:sclerotium scoleces:scolex scolices:scolex scopulae:scopula scoriae:scoria
scotomata:scotoma scriptoria:scriptorium scrota:scrotum scudi:scudo scuta:scutum scutella:scutellum
scyphi:scyphus scyphistomae:scyphistoma scyphozoa:scyphozoan secondi:secondo segni:segno
seleucidae:seleucid selves:self senores:senor sensilla:sensillum senti:sent senussis:senusi
separatrices:separatrix sephardim:sephardi septa:septum septaria:septarium septennia:septennium
sequelae:sequela sequestra:sequestrum sera:serum seraphim:seraph sestertia:sestertium setae:seta
sgraffiti:sgraffito shabbasim:shabbas shabbatim:shabbat shackoes:shacko shadchanim:shadchan
shadchans:schatchen shakoes:shako shammosim:shammas sheatfishes:sheatfish sheaves:sheaf
shellfishes:shellfish shelves:shelf shinleaves:shinleaf shittim:shittah shmoes:shmo shofroth:shofar
shophroth:shophar shrewmice:shrewmouse shuln:shul siddurim:siddur sigloi:siglos signore:signora
signori:signior signorine:signorina siliquae:siliqua silvae:silva silverfishes:silverfish
simulacra:simulacrum sincipita:sinciput sinfonie:sinfonia sistra:sistrum situlae:situla
smalti:smalto snaggleteeth:snaggletooth snailfishes:snailfish snipefishes:snipefish socmen:socman
sola:solum solaria:solarium solatia:solatium soldi:soldo soles:sol solfeggi:solfeggio soli:solo
solidi:solidus somata:soma soprani:soprano sordini:sordino sori:sorus soroses:sorosis
sovkhozy:sovkhoz spadefishes:spadefish spadices:spadix spearfishes:spearfish spectra:spectrum
specula:speculum spermatia:spermatium spermatogonia:spermatogonium spermatozoa:spermatozoon
spermogonia:spermogonium sphinges:sphinx spicae:spica spicula:spiculum spirilla:spirillum
splayfeet:splayfoot splenii:splenius sporangia:sporangium sporogonia:sporogonium sporozoa:sporozoan
springhase:springhaas spumoni:spumone sputa:sputum squamae:squama squashes:squash squillae:squilla
squirrelfishes:squirrelfish squizzes:squiz stadia:stadium stamina:stamen staminodia:staminodium
stapedes:stapes staphylococci:staphylococcus staretsy:starets starfishes:starfish startsy:starets
stelae:stele stemmata:stemma stenoses:stenosis stepchildren:stepchild sterna:sternum stigmata:stigma
stimuli:stimulus stipites:stipes stirpes:stirps stoae:stoa stockfishes:stockfish stomata:stoma
stomodaea:stomodaeum stomodea:stomodeum stonefishes:stonefish stotinki:stotinka stotkini:stotinka
strappadoes:strappado strata:stratum strati:stratus stratocumuli:stratocumulus
streptococci:streptococcus stretti:stretto striae:stria strobili:strobilus stromata:stroma
strumae:struma stuccoes:stucco styli:stylus stylopes:stylops stylopodia:stylopodium
subcortices:subcortex subdeliria:subdelirium subgenera:subgenus subindices:subindex
submucosae:submucosa subphyla:subphylum substrasta:substratum succedanea:succedaneum
succubi:succubus suckerfishes:suckerfish suckfishes:suckfish sudaria:sudarium sudatoria:sudatorium
sulci:sulcus summae:summa sunfishes:sunfish supercargoes:supercargo superheroes:superhero
supernovae:supernova superstrata:superstratum surgeonfishes:surgeonfish swamies:swami
sweetiewives:sweetiewife swellfishes:swellfish swordfishes:swordfish syconia:syconium
syllabi:syllabus syllepses:syllepsis symphyses:symphysis sympodia:sympodium symposia:symposium
synapses:synapsis synarthroses:synarthrosis synclinoria:synclinorium syncytia:syncytium
syndesmoses:syndesmosis synopses:synopsis syntagmata:syntagma syntheses:synthesis
syphilomata:syphiloma syringes:syrinx syssarcoses:syssarcosis tableaux:tableau taeniae:taenia
tali:talus tallaisim:tallith tallithes:tallith tallitoth:tallith tapeta:tapetum tarantulae:tarantula
tarsi:tarsus tarsometatarsi:tarsometatarsus taxa:taxon taxes:tax taxies:taxi tectrices:tectrix
teeth:tooth tegmina:tegmen telae:tela telamones:telamon telangiectases:telangiectasia telia:telium
tempi:tempo tenacula:tenaculum tenderfeet:tenderfoot teniae:tenia tenues:tenuis teraphim:teraph
terata:teras teredines:teredo terga:tergum termini:terminus terraria:terrarium terzetti:terzetto
tesserae:tessera testae:testa testes:testes testudines:testudo tetrahedra:tetrahedron
tetraskelia:tetraskelion thalamencephala:thalamencephalon thalami:thalamus thalli:thallus
thecae:theca therses:thyrse thesauri:thesaurus theses:thesis thickleaves:thickleaf thieves:thief
tholoi:tholos thoraces:thorax thrombi:thrombus thymi:thymus thyrsi:thyrsus tibiae:tibia
tilefishes:tilefish tintinnabula:tintinnabulum titmice:titmouse toadfishes:toadfish
tobaccoes:tobacco tomatoes:tomato tomenta:tomentum tondi:tondo tonneaux:tonneau tophi:tophus
topoi:topos tori:torus tornadoes:tornado torpedoes:torpedo torsi:torso touracos:touraco
trabeculae:trabecula tracheae:trachea traditores:traditor tragi:tragus trapezia:trapezium
trapezohedra:trapezohedron traumata:trauma treponemata:treponema trichinae:trichina
triclinia:triclinium triennia:triennium triforia:triforium triggerfishes:triggerfish
trihedra:trihedron triskelia:triskelion trisoctahedra:trisoctahedron triumviri:triumvir
trivia:trivium trochleae:trochlea tropaeola:tropaeolum trousseaux:trousseau trunkfishes:trunkfish
trymata:tryma tubae:tuba turves:turf tympana:tympanum tyros:tiro ubermenschen:ubermensch uglies:ugli
uigurs:uighur ulnae:ulna ultimata:ultimatum umbilici:umbilicus umbones:umbo umbrae:umbra unci:uncus
uncidia:uredium uredines:uredo uredinia:uredinium uredosori:uredosorus urethrae:urethra
urinalyses:urinalysis uteri:uterus utriculi:utriculus uvulae:uvula vacua:vacuum vagi:vagus
vaginae:vagina valleculae:vallecula vaporetti:vaporetto varices:varix vasa:vas vascula:vasculum
vela:velum velamina:velamen velaria:velarium venae:vena ventriculi:ventriculus vermes:vermis
verrucae:verruca vertebrae:vertebra vertices:vertex vertigines:vertigo vertigoes:vertigo
vesicae:vesica vetoes:veto vexilla:vexillum viatica:viaticum viatores:viator vibracula:vibraculum
vibrissae:vibrissa villi:villus vimina:vimen vincula:vinculum viragoes:virago vires:vis
virtuosi:virtuoso vitae:vita vitelli:vitellus vittae:vitta vivaria:vivarium voces:vox
volcanoes:volcano volkslieder:volkslied volte:volta volvae:volva vorticellae:vorticella
vortices:vortex vulvae:vulva wahhabis:wahabi wanderjahre:wanderjahr weakfishes:weakfish
werewolves:werewolf wharves:wharf whitefishes:whitefish wives:wife wolffishes:wolffish wolves:wolf
woodlice:woodlouse wreckfishes:wreckfish wunderkinder:wunderkind xiphisterna:xiphisternum
yeshivahs:yeshiva yeshivoth:yeshiva yogin:yogi yourselves:yourself zamindaris:zamindari
zecchini:zecchino zeroes:zero zoaeae:zoaea zoeae:zoea zoeas:zoaea zoonoses:zoonosis
zoosporangia:zoosporangium abetted:abet abetting:abet abhorred:abhor abhorring:abhor abode:abide
abought:aby abutted:abut abutting:abut abye:aby accompanied:accompany acetified:acetify
acidified:acidify acquitted:acquit acquitting:acquit addrest:address admitted:admit admitting:admit
aerified:aerify airdropped:airdrop airdropping:airdrop alkalified:alkalify allied:ally
allotted:allot allotting:allot ammonified:ammonify amnestied:amnesty amplified:amplify
anglified:anglify annulled:annul annulling:annul appalled:appal appalling:appal applied:apply
arcked:arc arcking:arc argufied:argufy arisen:arise arose:arise atrophied:atrophy averred:aver
averring:aver awoke:awake awoken:awake babied:baby backbit:backbite backbitten:backbite
backslid:backslide backslidden:backslide bade:bid bagged:bag bagging:bag ballyragged:ballyrag
ballyragging:ballyrag bandied:bandy banned:ban banning:ban barred:bar barrelled:barrel
barrelling:barrel barring:bar basified:basify batted:bat batting:bat bayonetted:bayonet
bayonetting:bayonet beaten:beat beatified:beatify beautified:beautify became:become bedded:bed
bedding:bed bedevilled:bedevil bedevilling:bedevil bedimmed:bedim bedimming:bedim been:be
befallen:befall befell:befall befitted:befit befitting:befit befogged:befog befogging:befog
began:begin begat:beget begetting:beget begged:beg begging:beg beginning:begin begirt:begird
begot:beget begotten:beget begun:begin beheld:behold beholden:behold bejewelled:bejewel
bejewelling:bejewel bellied:belly belying:belie benefitted:benefit benefitting:benefit
benempt:bename bent:bend berried:berry besetting:beset besought:beseech bespoke:bespeak
bespoken:bespeak bestirred:bestir bestirring:bestir bestrewn:bestrew bestrid:bestride
bestridden:bestride bestrode:bestride betaken:betake bethought:bethink betook:betake betted:bet
betting:bet bevelled:bevel bevelling:bevel biassed:bias biassing:bias bidden:bid bidding:bid
bing:bing binned:bin binning:bin bitted:bit bitten:bite bitting:bit bivouacked:bivouac
bivouacking:bivouac blabbed:blab blabbing:blab blackberried:blackberry blacklegged:blackleg
blacklegging:blackleg blatted:blat blatting:blat bled:bleed blest:bless blew:blow blipped:blip
blipping:blip blobbed:blob blobbing:blob bloodied:bloody blotted:blot blotting:blot blown:blow
blubbed:blub blubbing:blub blurred:blur blurring:blur bobbed:bob bobbing:bob bodied:body
bootlegged:bootleg bootlegging:bootleg bopped:bop bopping:bop bore:bear born:bear borne:bear
bought:buy bound:bind bragged:brag bragging:brag bred:breed brevetted:brevet brevetting:brevet
brimmed:brim brimming:brim broke:break broken:break brought:bring browbeaten:browbeat
brutified:brutify budded:bud budding:bud bugged:bug bugging:bug built:build bulldogging:bulldog
bullied:bully bullshitted:bullshit bullshitting:bullshit bullwhipped:bullwhip bullwhipping:bullwhip
bullyragged:bullyrag bullyragging:bullyrag bummed:bum bumming:bum buried:bury burnt:burn burred:bur
burring:bur bushelled:bushel bushelling:bushel busied:busy bypast:bypass caballed:cabal
caballing:cabal caddied:caddie caddies:caddie caddying:caddie calcified:calcify came:come
canalled:canal canalling:canal cancelled:cancel cancelling:cancel candied:candy canned:can
canning:can canopied:canopy capped:cap capping:cap carburetted:carburet carburetting:carburet
carillonned:carillon carillonning:carillon carnied:carny carnified:carnify carolled:carol
carolling:carol carried:carry casefied:casefy catnapped:catnap catnapping:catnap catted:cat
catting:cat caught:catch cavilled:cavil cavilling:cavil certified:certify channelled:channel
channelling:channel chapped:chap chapping:chap charred:char charring:char chatted:chat chatting:chat
chevied:chivy chevies:chivy chevying:chivy chid:chide chidden:chide chinned:chin chinning:chin
chipped:chip chipping:chip chiselled:chisel chiselling:chisel chitchatted:chitchat
chitchatting:chitchat chivied:chivy chivved:chiv chivvied:chivy chivvies:chivy chivving:chiv
chivvying:chivy chondrified:chondrify chopped:chop chopping:chop chose:choose chosen:choose
chugged:chug chugging:chug chummed:chum chumming:chum citified:citify clad:clothe cladding:clad
clammed:clam clamming:clam clapped:clap clapping:clap clarified:clarify classified:classify
cleft:cleave clemmed:clem clemming:clem clept:clepe clipped:clip clipping:clip clogged:clog
clogging:clog clopped:clop clopping:clop clotted:clot clotting:clot clove:cleave cloven:cleave
clubbed:club clubbing:club clung:cling cockneyfied:cockneyfy codded:cod codding:cod codified:codify
cogged:cog cogging:cog coiffed:coif coiffing:coif collied:colly combatted:combat combatting:combat
committed:commit committing:commit compelled:compel compelling:compel complied:comply
complotted:complot complotting:complot concurred:concur concurring:concur confabbed:confab
confabbing:confab conferred:confer conferring:confer conned:con conning:con controlled:control
controlling:control copied:copy copped:cop copping:cop coquetted:coquet coquetting:coquet
corralled:corral corralling:corral counselled:counsel counselling:counsel counterplotted:counterplot
counterplotting:counterplot countersank:countersink countersunk:countersink crabbed:crab
crabbing:crab crammed:cram cramming:cram crapped:crap crapping:crap crept:creep cribbed:crib
cribbing:crib cried:cry cropped:crop cropping:crop crossbred:crossbreed crosscutting:crosscut
crucified:crucify cubbed:cub cubbing:cub cudgelled:cudgel cudgelling:cudgel cupelled:cupel
cupelling:cupel cupped:cup cupping:cup curetted:curet curettes:curet curetting:curet curried:curry
curst:curse curtsied:curtsy curvetted:curvet curvetting:curvet cutting:cut dabbed:dab dabbing:dab
dagged:dag dagging:dag dallied:dally dammed:dam damming:dam damnified:damnify dandified:dandify
dapped:dap dapping:dap dealt:deal debarred:debar debarring:debar debugged:debug debugging:debug
debussed:debus debusses:debus debussing:debus decalcified:decalcify declassified:declassify
decontrolled:decontrol decontrolling:decontrol decried:decry deferred:defer deferring:defer
defied:defy degassed:degas degasses:degas degassing:degas dehumidified:dehumidify deified:deify
demitted:demit demitting:demit demobbed:demob demobbing:demob demulsified:demulsify demurred:demur
demurring:demur demystified:demystify denazified:denazify denied:deny denitrified:denitrify
denned:den denning:den descried:descry deterred:deter deterring:deter detoxified:detoxify
devilled:devil devilling:devil devitrified:devitrify diagrammed:diagram diagramming:diagram
dialled:dial dialling:dial dibbed:dib dibbing:dib digging:dig dignified:dignify dimmed:dim
dimming:dim dinned:din dinning:din dipped:dip dipping:dip dirtied:dirty disannulled:disannul
disannulling:disannul disbarred:disbar disbarring:disbar disbudded:disbud disbudding:disbud
disembodied:disembody disembowelled:disembowel disembowelling:disembowel disenthralled:disenthral
disenthralling:disenthral disenthralls:disenthral disenthrals:disenthrall dishevelled:dishevel
dishevelling:dishevel disinterred:disinter disinterring:disinter dispelled:dispel dispelling:dispel
disqualified:disqualify dissatisfied:dissatisfy distilled:distil distilling:distil
diversified:diversify divvied:divvy dizzied:dizzy dogged:dog dogging:dog doglegged:dogleg
doglegging:dogleg dollied:dolly done:do donned:don donning:don dotted:dot dotting:dot dought:dow
dove:dive drabbed:drab drabbing:drab dragged:drag dragging:drag drank:drink drawn:draw dreamt:dream
drew:draw dried:dry dripped:drip dripping:drip drivelled:drivel drivelling:drivel driven:drive
dropped:drop dropping:drop drove:drive drubbed:drub drubbing:drub drugged:drug drugging:drug
drummed:drum drumming:drum drunk:drink dubbed:dub dubbing:dub duelled:duel duelling:duel
dulcified:dulcify dummied:dummy dunned:dun dunning:dun dwelt:dwell dying:die easied:easy eaten:eat
eavesdropped:eavesdrop eavesdropping:eavesdrop eddied:eddy edified:edify electrified:electrify
embedded:embed embedding:embed embodied:embody embussed:embus embusses:embus embussing:embus
emitted:emit emitting:emit empanelled:empanel empanelling:empanel emptied:empty emulsified:emulsify
enamelled:enamel enamelling:enamel englutted:englut englutting:englut enrolled:enrol enrolling:enrol
enthralled:enthral enthralling:enthral entrammelled:entrammel entrammelling:entrammel
entrapped:entrap entrapping:entrap envied:envy enwound:enwind enwrapped:enwrap enwrapping:enwrap
equalled:equal equalling:equal equipped:equip equipping:equip espied:espy esterified:esterify
estopped:estop estopping:estop etherified:etherify excelled:excel excelling:excel
exemplified:exemplify expelled:expel expelling:expel extolled:extol extolling:extol facetted:facet
facetting:facet fagged:fag fagging:fag fallen:fall falsified:falsify fancied:fancy fanned:fan
fanning:fan fantasied:fantasy fatted:fat fatting:fat featherbedded:featherbed
featherbedding:featherbed feed:feed fell:fall felt:feel ferried:ferry fibbed:fib fibbing:fib
figged:fig figging:fig finned:fin finning:fin fitted:fit fitting:fit flagged:flag flagging:flag
flammed:flam flamming:flam flannelled:flannel flannelling:flannel flapped:flap flapping:flap
flatted:flat flatting:flat fled:flee flew:fly flimflammed:flimflam flimflamming:flimflam
flipped:flip flipping:flip flitted:flit flitting:flit flogged:flog flogging:flog floodlit:floodlight
flopped:flop flopping:flop flown:fly flubbed:flub flubbing:flub flung:fling flurried:flurry
flyblew:flyblow flyblown:flyblow fobbed:fob fobbing:fob fogged:fog fogging:fog footslogged:footslog
footslogging:footslog forbad:forbid forbade:forbid forbidden:forbid forbidding:forbid
forbore:forbear forborne:forbear fordid:fordo fordone:fordo foredid:foredo foredone:foredo
foregone:forego foreknew:foreknow foreknown:foreknow foreran:forerun forerunning:forerun
foresaw:foresee foreseen:foresee foreshown:foreshow forespoke:forespeak forespoken:forespeak
foretold:foretell forewent:forego forgave:forgive forgetting:forget forgiven:forgive forgone:forgo
forgot:forget forgotten:forget formatted:format formatting:format forsaken:forsake forsook:forsake
forspoke:forspeak forspoken:forspeak forswore:forswear forsworn:forswear fortified:fortify
forwent:forgo fought:fight found:find foxtrotted:foxtrot foxtrotting:foxtrot frapped:frap
frapping:frap frenchified:frenchify frenzied:frenzy fretted:fret fretting:fret fried:fry
frigged:frig frigging:frig fritted:frit fritting:frit frivolled:frivol frivolling:frivol
frogged:frog frogging:frog frolicked:frolic frolicking:frolic froze:freeze frozen:freeze
fructified:fructify fuelled:fuel fuelling:fuel fulfilled:fulfil fulfilling:fulfil funned:fun
funnelled:funnel funnelling:funnel funning:fun furred:fur furring:fur gadded:gad gadding:gad
gagged:gag gagging:gag gainsaid:gainsay gambolled:gambol gambolling:gambol gammed:gam gamming:gam
ganned:gan ganning:gan gapped:gap gapping:gap gasified:gasify gassed:gas gassing:gas gave:give
gelled:gel gelling:gel gelt:geld gemmed:gem gemming:gem getting:get ghostwritten:ghostwrite
ghostwrote:ghostwrite gibbed:gib gibbing:gib giddied:giddy giftwrapped:giftwrap
giftwrapping:giftwrap gigged:gig gigging:gig gilt:gild ginned:gin ginning:gin gipped:gip gipping:gip
girt:gird given:give glommed:glom glomming:glom gloried:glory glorified:glorify glutted:glut
glutting:glut gnawn:gnaw gollied:golly gone:go gotten:get grabbed:grab grabbing:grab
gratified:gratify gravelled:gravel gravelling:gravel graven:grave grew:grow grinned:grin
grinning:grin gripped:grip gripping:grip gript:grip gritted:grit gritting:grit ground:grind
grovelled:grovel grovelling:grovel grown:grow grubbed:grub grubbing:grub guarantied:guaranty
gullied:gully gummed:gum gumming:gum gunned:gun gunning:gun gypped:gyp gypping:gyp hacksawn:hacksaw
hammed:ham hamming:ham hamstrung:hamstring handfed:handfeed handicapped:handicap
handicapping:handicap handselled:handsel handselling:handsel harried:harry hatchelled:hatchel
hatchelling:hatchel hatted:hat hatting:hat heard:hear hedgehopped:hedgehop hedgehopping:hedgehop
held:hold hemmed:hem hemming:hem hewn:hew hiccupped:hiccup hiccupping:hiccup hidden:hide
hinnied:hinny hitting:hit hobbed:hob hobbing:hob hobnobbed:hobnob hobnobbing:hobnob hocussed:hocus
hocussing:hocus hogged:hog hogging:hog hogtying:hogtie honied:honey hopped:hop hopping:hop
horrified:horrify horsewhipped:horsewhip horsewhipping:horsewhip houselled:housel houselling:housel
hove:heave hovelled:hovel hovelling:hovel hugged:hug hugging:hug humbugged:humbug humbugging:humbug
humidified:humidify hummed:hum humming:hum hung:hang hurried:hurry hypertrophied:hypertrophy
identified:identify imbedded:imbed imbedding:imbed impanelled:impanel impanelling:impanel
impelled:impel impelling:impel implied:imply inbred:inbreed incurred:incur incurring:incur
indemnified:indemnify indwelt:indwell inferred:infer inferring:infer initialled:initial
initialling:initial inlaid:inlay insetting:inset inspanned:inspan inspanning:inspan installed:instal
installing:instal intensified:intensify interbred:interbreed intercropped:intercrop
intercropping:intercrop intercutting:intercut interlaid:interlay interlapped:interlap
interlapping:interlap intermarried:intermarry intermitted:intermit intermitting:intermit
interpled:interplead interred:inter interring:inter interstratified:interstratify
interwove:interweave interwoven:interweave intromitted:intromit intromitting:intromit inwove:inweave
inwoven:inweave inwrapped:inwrap inwrapping:inwrap jabbed:jab jabbing:jab jagged:jag jagging:jag
jammed:jam jamming:jam japanned:japan japanning:japan jarred:jar jarring:jar jellied:jelly
jellified:jellify jemmied:jemmy jetted:jet jetting:jet jewelled:jewel jewelling:jewel jibbed:jib
jibbing:jib jigged:jig jigging:jig jimmied:jimmy jitterbugged:jitterbug jitterbugging:jitterbug
jobbed:job jobbing:job jogged:jog jogging:jog jollied:jolly jollified:jollify jotted:jot jotting:jot
joypopped:joypop joypopping:joypop jugged:jug jugging:jug justified:justify jutted:jut jutting:jut
kenned:ken kennelled:kennel kennelling:kennel kenning:ken kent:ken kept:keep kernelled:kernel
kernelling:kernel kidded:kid kidding:kid kidnapped:kidnap kidnapping:kidnap kipped:kip kipping:kip
knapped:knap knapping:knap kneecapped:kneecap kneecapping:kneecap knelt:kneel knew:know knitted:knit
knitting:knit knobbed:knob knobbing:knob knotted:knot knotting:knot known:know labelled:label
labelling:label laden:lade ladyfied:ladify ladyfies:ladify ladyfying:ladify lagged:lag lagging:lag
laid:lay lain:lie lallygagged:lallygag lallygagging:lallygag lammed:lam lamming:lam
lapidified:lapidify lapped:lap lapping:lap laurelled:laurel laurelling:laurel leant:lean
leapfrogged:leapfrog leapfrogging:leapfrog leapt:leap learnt:learn left:leave lent:lend letting:let
levelled:level levelling:level levied:levy libelled:libel libelling:libel lignified:lignify
lipped:lip lipping:lip liquefied:liquefy liquified:liquify lobbed:lob lobbied:lobby lobbing:lob
logged:log logging:log lopped:lop lopping:lop lost:lose lotted:lot lotting:lot lugged:lug
lugging:lug lullabied:lullaby lying:lie madded:mad madding:mad made:make magnified:magnify
manned:man manning:man manumitted:manumit manumitting:manumit mapped:map mapping:map
marcelled:marcel marcelling:marcel marred:mar married:marry marring:mar marshalled:marshal
marshalling:marshal marvelled:marvel marvelling:marvel matted:mat matting:mat meant:mean
medalled:medal medalling:medal metalled:metal metalling:metal metrified:metrify might:may
mimicked:mimic mimicking:mimic minified:minify misapplied:misapply misbecame:misbecome
miscarried:miscarry misdealt:misdeal misfitted:misfit misfitting:misfit misgave:misgive
misgiven:misgive mishitting:mishit mislaid:mislay misled:mislead mispled:misplead misspelt:misspell
misspent:misspend mistaken:mistake mistook:mistake misunderstood:misunderstand mobbed:mob
mobbing:mob modelled:model modelling:model modified:modify mollified:mollify molten:melt mopped:mop
mopping:mop mortified:mortify mown:mow mudded:mud muddied:muddy mudding:mud mugged:mug mugging:mug
multiplied:multiply mummed:mum mummified:mummify mumming:mum mutinied:mutiny mystified:mystify
nabbed:nab nabbing:nab nagged:nag nagging:nag napped:nap napping:nap netted:net netting:net
nibbed:nib nibbing:nib nickelled:nickel nickelling:nickel nidified:nidify nigrified:nigrify
nipped:nip nipping:nip nitrified:nitrify nodded:nod nodding:nod nonplussed:nonplus
nonplusses:nonplus nonplussing:nonplus notified:notify nullified:nullify nutted:nut nutting:nut
objectified:objectify occupied:occupy occurred:occur occurring:occur offsetting:offset omitted:omit
omitting:omit ossified:ossify outbidden:outbid outbidding:outbid outbred:outbreed outcried:outcry
outcropped:outcrop outcropping:outcrop outdid:outdo outdone:outdo outdrawn:outdraw outdrew:outdraw
outfitted:outfit outfitting:outfit outfought:outfight outgassed:outgas outgasses:outgas
outgassing:outgas outgeneralled:outgeneral outgeneralling:outgeneral outgone:outgo outgrew:outgrow
outgrown:outgrow outlaid:outlay outmanned:outman outmanning:outman outputted:output
outputting:output outran:outrun outridden:outride outrode:outride outrunning:outrun
outshone:outshine outshot:outshoot outsold:outsell outspanned:outspan outspanning:outspan
outstood:outstand outstripped:outstrip outstripping:outstrip outthought:outthink outwent:outgo
outwitted:outwit outwitting:outwit outwore:outwear outworn:outwear overbidden:overbid
overbidding:overbid overblew:overblow overblown:overblow overbore:overbear overborne:overbear
overbuilt:overbuild overcame:overcome overcropped:overcrop overcropping:overcrop overdid:overdo
overdone:overdo overdrawn:overdraw overdrew:overdraw overdriven:overdrive overdrove:overdrive
overflew:overfly overflown:overflow overgrew:overgrow overgrown:overgrow overheard:overhear
overhung:overhang overlaid:overlay overlain:overlie overlapped:overlap overlapping:overlap
overlay:overlie overlying:overlie overmanned:overman overmanning:overman overpaid:overpay
overpast:overpass overran:overrun overridden:override overrode:override overrunning:overrun
oversaw:oversee overseen:oversee oversetting:overset oversewn:oversew overshot:overshoot
oversimplified:oversimplify overslept:oversleep oversold:oversell overspent:overspend
overspilt:overspill overstepped:overstep overstepping:overstep overtaken:overtake
overthrew:overthrow overthrown:overthrow overtook:overtake overtopped:overtop overtopping:overtop
overwound:overwind overwritten:overwrite overwrote:overwrite pacified:pacify padded:pad padding:pad
paid:pay palled:pal palling:pal palsied:palsy pandied:pandy panelled:panel panelling:panel
panicked:panic panicking:panic panned:pan panning:pan parallelled:parallel parallelling:parallel
parcelled:parcel parcelling:parcel parodied:parody parried:parry partaken:partake partook:partake
pasquil:pasquinade pasquilled:pasquinade pasquilling:pasquinade pasquils:pasquinade patrolled:patrol
patrolling:patrol patted:pat patting:pat pedalled:pedal pedalling:pedal pegged:peg pegging:peg
pencilled:pencil pencilling:pencil penned:pen penning:pen pent:pen pepped:pep pepping:pep
permitted:permit permitting:permit personified:personify petrified:petrify petted:pet
pettifogged:pettifog pettifogging:pettifog petting:pet phantasied:phantasy photocopied:photocopy
photomapped:photomap photomapping:photomap photosetting:photoset physicked:physic physicking:physic
picnicked:picnic picnicking:picnic pigged:pig pigging:pig pilloried:pillory pinned:pin pinning:pin
pipped:pip pipping:pip pistolled:pistol pistolling:pistol pitapatted:pitapat pitapatting:pitapat
pitied:pity pitted:pit pitting:pit planned:plan planning:plan platted:plat platting:plat pled:plead
plied:ply plodded:plod plodding:plod plopped:plop plopping:plop plotted:plot plotting:plot
plugged:plug plugging:plug podded:pod podding:pod pommelled:pommel pommelling:pommel popes:popes
popped:pop popping:pop potted:pot potting:pot preachified:preachify precancelled:precancel
precancelling:precancel preferred:prefer preferring:prefer preoccupied:preoccupy prepaid:prepay
presignified:presignify pretermitted:pretermit pretermitting:pretermit prettied:pretty
prettified:prettify pried:pry prigged:prig prigging:prig primmed:prim primming:prim prodded:prod
prodding:prod programmed:program programmes:program programming:program prologed:prologue
prologing:prologue prologs:prologue propelled:propel propelling:propel prophesied:prophesy
propped:prop propping:prop proven:prove pubbed:pub pubbing:pub pugged:pug pugging:pug
pummelled:pummel pummelling:pummel punned:pun punning:pun pupped:pup pupping:pup purified:purify
putrefied:putrefy puttied:putty putting:put qualified:qualify quantified:quantify quarrelled:quarrel
quarrelling:quarrel quarried:quarry quartersawn:quartersaw queried:query quickstepped:quickstep
quickstepping:quickstep quipped:quip quipping:quip quitted:quit quitting:quit quizzed:quiz
quizzing:quiz ragged:rag ragging:rag rallied:rally ramified:ramify rammed:ram ramming:ram rang:ring
rapped:rap rappelled:rappel rappelling:rappel rapping:rap rarefied:rarefy ratified:ratify ratted:rat
ratting:rat ravelled:ravel ravelling:ravel rebelled:rebel rebelling:rebel rebuilt:rebuild
rebutted:rebut rebutting:rebut recapped:recap recapping:recap reclassified:reclassify
recommitted:recommit recommitting:recommit recopied:recopy rectified:rectify recurred:recur
recurring:recur redded:red redding:red redid:redo redone:redo referred:refer referring:refer
refitted:refit refitting:refit reft:reave refuelled:refuel refuelling:refuel regretted:regret
regretting:regret reheard:rehear reified:reify relied:rely remade:remake remarried:remarry
remitted:remit remitting:remit rent:rend repaid:repay repelled:repel repelling:repel
replevied:replevy replied:reply repotted:repot repotting:repot reran:rerun rerunning:rerun
resat:resit resetting:reset resewn:resew resitting:resit retaken:retake rethought:rethink
retold:retell retook:retake retransmitted:retransmit retransmitting:retransmit retried:retry
retrofitted:retrofit retrofitting:retrofit retted:ret retting:ret reunified:reunify revelled:revel
revelling:revel revetted:revet revetting:revet revivified:revivify revved:rev revving:rev
rewound:rewind rewritten:rewrite rewrote:rewrite ribbed:rib ribbing:rib ricochetted:ricochet
ricochetting:ricochet ridded:rid ridden:ride ridding:rid rigged:rig rigging:rig rigidified:rigidify
rimmed:rim rimming:rim ripped:rip ripping:rip risen:rise rivalled:rival rivalling:rival riven:rive
robbed:rob robbing:rob rode:ride rose:rise rotted:rot rotting:rot rove:reeve rowelled:rowel
rowelling:rowel rubbed:rub rubbing:rub rung:ring running:run rutted:rut rutting:rut
saccharified:saccharify sagged:sag sagging:sag said:say salaried:salary salified:salify
sallied:sally sanctified:sanctify sandbagged:sandbag sandbagging:sandbag sang:sing sank:sink
saponified:saponify sapped:sap sapping:sap satisfied:satisfy savvied:savvy sawn:saw scagged:scag
scagging:scag scanned:scan scanning:scan scarified:scarify scarred:scar scarring:scar scatted:scat
scatting:scat scorified:scorify scragged:scrag scragging:scrag scrammed:scram scramming:scram
scrapped:scrap scrapping:scrap scried:scry scrubbed:scrub scrubbing:scrub scrummed:scrum
scrumming:scrum scudded:scud scudding:scud scummed:scum scumming:scum scurried:scurry seed:seed
seen:see sent:send setting:set sewn:sew shagged:shag shagging:shag shaken:shake shammed:sham
shamming:sham sharecropped:sharecrop sharecropping:sharecrop shat:shit shaven:shave shed:shed
shedding:shed shellacked:shellac shellacking:shellac shent:shend shewn:shew shied:shy
shikarred:shikar shikarring:shikar shillyshallied:shillyshally shimmed:shim shimmied:shimmy
shimming:shim shinned:shin shinning:shin shipped:ship shipping:ship shitted:shit shitting:shit
shod:shoe shone:shine shook:shake shopped:shop shopping:shop shot:shoot shotgunned:shotgun
shotgunning:shotgun shotted:shot shotting:shot shovelled:shovel shovelling:shovel shown:show
shrank:shrink shredded:shred shredding:shred shrivelled:shrivel shrivelling:shrivel shriven:shrive
shrove:shrive shrugged:shrug shrugging:shrug shrunk:shrink shrunken:shrink shunned:shun
shunning:shun shutting:shut sicked:sic sicking:sic sideslipped:sideslip sideslipping:sideslip
sidestepped:sidestep sidestepping:sidestep sightsaw:sightsee sightseen:sightsee signalled:signal
signalling:signal signified:signify silicified:silicify simplified:simplify singing:sing sinned:sin
sinning:sin sipped:sip sipping:sip sitting:sit skellied:skelly skenned:sken skenning:sken
sketted:sket sketting:sket skidded:skid skidding:skid skimmed:skim skimming:skim skinned:skin
skinning:skin skipped:skip skipping:skip skivvied:skivvy skydove:skydive slabbed:slab slabbing:slab
slagged:slag slagging:slag slain:slay slammed:slam slamming:slam slapped:slap slapping:slap
slatted:slat slatting:slat sledding:sled slept:sleep slew:slay slid:slide slidden:slide slipped:slip
slipping:slip slitting:slit slogged:slog slogging:slog slopped:slop slopping:slop slotted:slot
slotting:slot slugged:slug slugging:slug slummed:slum slumming:slum slung:sling slunk:slink
slurred:slur slurring:slur smelt:smell smit:smite smitten:smite smote:smite smutted:smut
smutting:smut snagged:snag snagging:snag snapped:snap snapping:snap snedded:sned snedding:sned
snipped:snip snipping:snip snivelled:snivel snivelling:snivel snogged:snog snogging:snog
snubbed:snub snubbing:snub snuck:sneak snugged:snug snugging:snug sobbed:sob sobbing:sob sodded:sod
sodding:sod sold:sell solemnified:solemnify solidified:solidify soothsaid:soothsay sopped:sop
sopping:sop sought:seek sown:sow spagged:spag spagging:spag spancelled:spancel spancelling:spancel
spanned:span spanning:span sparred:spar sparring:spar spat:spit spatted:spat spatting:spat
specified:specify sped:speed speechified:speechify spellbound:spellbind spelt:spell spent:spend
spied:spy spilt:spill spinning:spin spiralled:spiral spiralling:spiral spitted:spit spitting:spit
splitting:split spoilt:spoil spoke:speak spoken:speak spotlit:spotlight spotted:spot spotting:spot
sprang:spring sprigged:sprig sprigging:sprig sprung:spring spudded:spud spudding:spud spun:spin
spurred:spur spurring:spur squatted:squat squatting:squat squibbed:squib squibbing:squib
squidded:squid squidding:squid squilgee:squeegee stabbed:stab stabbing:stab stank:stink starred:star
starring:star steadied:steady stellified:stellify stemmed:stem stemming:stem stencilled:stencil
stencilling:stencil stepped:step stepping:step stetted:stet stetting:stet stied:sty
stilettoeing:stiletto stirred:stir stirring:stir stole:steal stolen:steal stood:stand stopped:stop
stopping:stop storied:story stotted:stot stotting:stot stove:stave strapped:strap strapping:strap
stratified:stratify strewn:strew stridden:stride stripped:strip stripping:strip striven:strive
strode:stride stropped:strop stropping:strop strove:strive strown:strow struck:strike strummed:strum
strumming:strum strung:string strutted:strut strutting:strut stubbed:stub stubbing:stub stuck:stick
studded:stud studding:stud studied:study stultified:stultify stummed:stum stumming:stum stung:sting
stunk:stink stunned:stun stunning:stun stupefied:stupefy stymying:stymie subbed:sub subbing:sub
subjectified:subjectify subletting:sublet submitted:submit submitting:submit subtotalled:subtotal
subtotalling:subtotal sullied:sully sulphuretted:sulphuret sulphuretting:sulphuret summed:sum
summing:sum sung:sing sunk:sink sunken:sink sunned:sun sunning:sun supped:sup supping:sup
supplied:supply swabbed:swab swabbing:swab swagged:swag swagging:swag swam:swim swapped:swap
swapping:swap swatted:swat swatting:swat swept:sweep swigged:swig swigging:swig swimming:swim
swivelled:swivel swivelling:swivel swollen:swell swopped:swap swopping:swap swops:swap swore:swear
sworn:swear swotted:swot swotting:swot swum:swim swung:swing syllabified:syllabify symbolled:symbol
symbolling:symbol tabbed:tab tabbing:tab tagged:tag tagging:tag taken:take talcked:talc
talcking:talc tallied:tally tammied:tammy tanned:tan tanning:tan tapped:tap tapping:tap tarred:tar
tarried:tarry tarring:tar tasselled:tassel tasselling:tassel tatted:tat tatting:tat taught:teach
taxis:taxis taxying:taxi teaselled:teasel teaselling:teasel tedded:ted tedding:ted tepefied:tepefy
terrified:terrify testified:testify thinned:thin thinning:thin thought:think threw:throw
thriven:thrive throbbed:throb throbbing:throb throve:thrive thrown:throw thrummed:thrum
thrumming:thrum thudded:thud thudding:thud tidied:tidy tinned:tin tinning:tin tinselled:tinsel
tinselling:tinsel tipped:tip tipping:tip tittupped:tittup tittupping:tittup toadied:toady togged:tog
togging:tog told:tell took:take topped:top topping:top tore:tear torn:tear torrefied:torrefy
torrify:torrefy totalled:total totalling:total totted:tot totting:tot towelled:towel towelling:towel
trafficked:traffic trafficking:traffic trameled:trammel trameling:trammel tramelled:trammel
tramelling:trammel tramels:trammel trammed:tram tramming:tram transferred:transfer
transferring:transfer transfixt:transfix tranship:transship transhipped:tranship
transhipping:tranship transmitted:transmit transmitting:transmit transmogrified:transmogrify
transshipped:transship transshipping:transship trapanned:trapan trapanning:trapan trapped:trap
trapping:trap travelled:travel travelling:travel travestied:travesty trekked:trek trekking:trek
trepanned:trepan trepanning:trepan tried:try trigged:trig trigging:trig trimmed:trim trimming:trim
tripped:trip tripping:trip trod:tread trodden:tread trogged:trog trogging:trog trotted:trot
trotting:trot trowelled:trowel trowelling:trowel tugged:tug tugging:tug tumefied:tumefy tunned:tun
tunnelled:tunnel tunnelling:tunnel tunning:tun tupped:tup tupping:tup twigged:twig twigging:twig
twinned:twin twinning:twin twitted:twit twitting:twit tying:tie typesetting:typeset
typewritten:typewrite typewrote:typewrite typified:typify uglified:uglify unbarred:unbar
unbarring:unbar unbent:unbend unbound:unbind uncapped:uncap uncapping:uncap unclad:unclothe
unclogged:unclog unclogging:unclog underbidding:underbid underbought:underbuy undercutting:undercut
underfed:underfeed undergirt:undergird undergone:undergo underlaid:underlay underlain:underlie
underlay:underlie underletting:underlet underlying:underlie underpaid:underpay underpinned:underpin
underpinning:underpin underpropped:underprop underpropping:underprop undersetting:underset
undershot:undershoot undersold:undersell understood:understand understudied:understudy
undertaken:undertake undertook:undertake underwent:undergo underwritten:underwrite
underwrote:underwrite undid:undo undone:undo unfitted:unfit unfitting:unfit unfroze:unfreeze
unfrozen:unfreeze unified:unify unkennelled:unkennel unkennelling:unkennel unknitted:unknit
unknitting:unknit unlaid:unlay unlearnt:unlearn unmade:unmake unmanned:unman unmanning:unman
unpegged:unpeg unpegging:unpeg unpinned:unpin unpinning:unpin unplugged:unplug unplugging:unplug
unravelled:unravel unravelling:unravel unrigged:unrig unrigging:unrig unripped:unrip unripping:unrip
unrove:unreeve unsaid:unsay unshipped:unship unshipping:unship unslung:unsling unsnapped:unsnap
unsnapping:unsnap unspoke:unspeak unspoken:unspeak unsteadied:unsteady unstepped:unstep
unstepping:unstep unstopped:unstop unstopping:unstop unstrung:unstring unstuck:unstick
unswore:unswear unsworn:unswear untaught:unteach unthought:unthink untidied:untidy untrod:untread
untrodden:untread untying:untie unwound:unwind unwrapped:unwrap unwrapping:unwrap unzipped:unzip
unzipping:unzip upbuilt:upbuild upheld:uphold uphove:upheave upped:up uppercutting:uppercut
upping:up uprisen:uprise uprose:uprise upsetting:upset upsprang:upspring upsprung:upspring
upswept:upsweep upswollen:upswell upswung:upswing vagged:vag vagging:vag varied:vary vatted:vat
vatting:vat verbified:verbify verified:verify versified:versify vetted:vet vetting:vet
victualled:victual victualling:victual vilified:vilify vitrified:vitrify vitriolled:vitriol
vitriolling:vitriol vivified:vivify vying:vie wadded:wad waddied:waddy wadding:wad wadsetted:wadset
wadsetting:wadset wagged:wag wagging:wag wanned:wan wanning:wan warred:war warring:war
waylaid:waylay wearied:weary weatherstripped:weatherstrip weatherstripping:weatherstrip webbed:web
webbing:web wedded:wed wedding:wed weed:weed went:go wept:weep were:be wetted:wet wetting:wet
whammed:wham whamming:wham whapped:whap whapping:whap whetted:whet whetting:whet whinnied:whinny
whipped:whip whipping:whip whipsawn:whipsaw whirred:whir whirring:whir whizzed:whiz whizzes:whiz
whizzing:whiz whopped:whop whopping:whop wigged:wig wigging:wig wigwagged:wigwag wigwagging:wigwag
wildcatted:wildcat wildcatting:wildcat winning:win winterfed:winterfeed wiredrawn:wiredraw
wiredrew:wiredraw withdrawn:withdraw withdrew:withdraw withheld:withhold withstood:withstand
woke:wake woken:wake wonned:won wonning:won wore:wear worn:wear worried:worry worshipped:worship
worshipping:worship wound:wind wove:weave woven:weave wrapped:wrap wrapping:wrap wried:wry
written:write wrote:write wrought:work wrung:wring yakked:yak yakking:yak yapped:yap yapping:yap
ycleped:clepe yclept:clepe yenned:yen yenning:yen yodelled:yodel yodelling:yodel zapped:zap
zapping:zap zigzagged:zigzag zigzagging:zigzag zipped:zip zipping:zip
`;
