"""Builds supplier-labels.csv from the real spend samples (see README.md).

Usage: python3 build-labels.py /path/to/shared/data/spend-samples
Every distinct (file, supplier name, supplier id) is a row; the groups below are the hand-checked clusters; names
whose identity cannot be decided from the published data are left out; personal.txt lists individuals' names.
"""
import csv, collections, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = sys.argv[1]
def rd(p, enc, skip=0):
    t = open(os.path.join(SAMPLES, p), encoding=enc).read().splitlines()[skip:]
    return list(csv.DictReader(t))
a = rd('devon-county-council/DCCSpendingOver500_201407.csv', 'cp1252')
b = rd('devon-county-council/DCCSpendingOver500_202504.csv', 'utf-8')
m = rd('ministry-of-justice/moj-aramis-april-12.csv.csv', 'cp1252', 2)
n = rd('nhs-business-services-authority/08_-_November(3).csv', 'cp1252')
rs = set()
for r in a: rs.add(('devon-2014', r['Supplier Name'].strip(), r['Supplier ID'].strip()))
for r in b: rs.add(('devon-2025', r['Supplier name'].strip(), r['Supplier ID'].strip()))
for r in m: rs.add(('moj-2012', r['Supplier'].strip(), ''))
for r in n: rs.add(('nhsbsa-2013', r['Supplier'].strip(), ''))
rows = sorted(rs)
import csv,collections

agency={'devon-2014':'Devon County Council','devon-2025':'Devon County Council','moj-2012':'Ministry of Justice','nhsbsa-2013':'NHS Business Services Authority'}
# names whose identity cannot be decided from the published data: left out of the set
ambiguous={'CARASTON HALL','KIER WESTERN','CAPITA','WESTWARD','DAVIES','HARRIS','MOUNT PLEASANT','STEPPING STONES','LODGE THE','MANOR THE',
 'ROCK THE','OAK HOUSE','MANOR HOUSE THE','WESSEX LEASING LTD','KINGWOOD CHILDCARE','V P TREEN LTD','SPRINGFIELDS RESIDENTIAL HOME','ST MARYS CATHOLIC PRIM SCHL ACAD','PHILLIPS','PHILLIPS T/A KORNILOFF GJ & JS','ST MICHAELS SCHOOL NURSERY','GOLP S C'}
groups=[
 ["BARNARDO'S",'BARNARDOS (NON-VAT INVOICES)'],
 ['EAST DEVON DIST CNCL(GEN A/C)','EAST DEVON DIST COUN (S O ACC)'],
 ['EON (A/C NO 36166103 ONLY)','EON (RENEWABLE HEAT A/CS ONLY)'],
 ['WATERSTONES BOOKSELLERS (EXETER)','WATERSTONES BOOKSELLERS(SOLIHUL)'],
 ['KEYCHANGE CHARITY (EXETER)','KEYCHANGE CHARITY/ERITH HSE CARE'],
 ['ALLIED HEALTHCARE GROUP','ALLIED HEALTHCARE GROUP LTD'],
 ['ATKINS LTD','ATKINS'],
 ['BRITISH GAS BUS**USE 114029**','BRITISH GAS BUSINESS (ELEC)','BRITISH GAS BUSINESS'],
 ['CANON (UK) LIMITED','CANON UK LTD (PREVIOUSLY OCE UK)'],
 ['CARASTON HALL SUPPORT LTD','CARASTON HALL SUPPORT LTD/CLIENT'],
 ['CHAPTER 1 CHARITY LTD','CHAPTER 1 CHARITY LTD (SP PMTS)'],
 ['COMMUNITIES AND LOCAL GOVERNMENT','DEPARTMENT FOR COMMUNITIES & LOCAL GOVERNMENT'],
 ['DEVON & CORNWALL AUTISTIC','DEVON & CORNWALL AUTISTIC COMM T'],
 ['DIAMOND CARE 2000 LTD','DIAMOND CARE(2000)LD/THE CHANTRY'],
 ['E D F ENERGY LTD','EDF ENERGY LTD'],
 ['EXETER CITY COUNCIL(RATES&C/TAX)','EXETER CITY COUNCIL','EXETER CITY COUNCL (FINANCE)'],
 ['H F TRUST LTD','HOMEFARM TRUST LTD/H F T LTD'],
 ['HOME OFFICE','HOME OFFICE IT'],
 ['HUMPTY DUMPTY CHILDCARE LTD','HUMPTY DUMPTY CHILDCARE, TOTNES'],
 ['KENT COUNTY COUNCIL','KENT COUNTY COUNCIL (KCS)'],
 ['KIER CONSTRUCTION LTD T/A','KIER CONSTRUCTION'],
 ['LATCHAM DIRECT','LATCHAM DIRECT (TNT POSTAGE) LTD'],
 ['LEONARD CHESHIRE FNDT N W REGION','LEONARD CHESHIRE FOUND S W REGIO'],
 ['LIFEWAYS COMMUNITY CARE LTD','LIFEWAYS COMMUNITY CARE LTD (NEW'],
 ['NORTHERN DEVON HEALTHCARE','NORTHERN DEVON HEALTHCARE TRUST'],
 ['NEWCASTLE CITY COUNCIL','NEWCASTLE UPON TYNE CITY COUNCIL'],
 ['ON TRACK EDUCATION SERVICES LTD','ON TRACK EDUCATION(BURSARY PMTS)'],
 ['PARKVIEW SOCIETY LTD','PARKVIEW SOCIETY THE'],
 ['REDFERN TRAVEL LTD','REDFERN TRAVEL'],
 ['ROYAL MAIL GROUP','ROYAL MAIL GROUP LTD','ROYAL MAIL GROUP PLC','ROYAL MAIL'],
 ['SANCTUARY HOME CARE (PLYMOUTH)','SANCTUARY HOME CARE **USE 89879*'],
 ['SCOPE - FEES COLLECTION ACCOUNT','SCOPE FEES COLLECTION ACCOUNT'],
 ['SOFTCAT LIMITED','SOFTCAT LTD'],
 ['SOUTH WEST HIGHWAYS','SOUTH WEST HIGHWAYS (HEAD OFF)'],
 ['SUNFLOWER DAY NURSERIES','SUNFLOWER DAY NURSERY LLP'],
 ['TOTNES COMMUNITY BUS','TOTNES & RURAL COMMUNITY BUSINESS ASSOCIATION'],
 ['WHITE HOUSE','WHITE HOUSE THE'],
 ['YOUTH JUSTICE BOARD THE','YOUTH JUSTICE BOARD FOR ENGLAND & WALES'],
 ['NEOPOST LTD','NEOPOST LIMITED (CREDIFON ONLY)','NEOPOST LTD(POSTAGE CREDITS ONLY'],
 ['PSYCHOLOGY ASSOCIATES LTD','PSYCHOLOGY ASSOCIATION LIMITED (SALTASH)'],
 ['CHUBB FIRE & SECURITY LTD','CHUBB FIRE & SECURITY LIMITED'],
 ['TEIGN TREES & LANDSCAPES','TEIGN TREES & LANDSCAPES SOUTH WEST LIMITED'],
 ['T S L EDUCATION LTD','TES GLOBAL LIMITED/ADVERTISING'],
 ['ESSENTIAL 6 LTD','ESSENTIAL 6 LIMITED'],
 ['WESTCOUNTRY MAINTENANCE SRVS LTD','WESTCOUNTRY MAINTENANCE SERVICES LIMITED'],
 ['BREAKTHROUGH TRANSFORMATION TRST','BREAKTHROUGH TRANSFORMATION TRUST'],
 ['W D M LTD (BRISTOL)','W D M LIMITED (BRISTOL)'],
 ['P H S GROUP LTD','P H S GROUP LIMITED'],
 ['PLYMOUTH CITY COUNCIL(RADIUS A/C','PLYMOUTH CITY COUNCIL (RADIUS ACCOUNT'],
 ['NEWCROSS HEALTHCARE SOLUTIONS','NEWCROSS HEALTHCARE SOLUTIONS LT'],
]
label={}
personal=set(l.strip() for l in open(os.path.join(HERE,'personal.txt')) if l.strip())
for g in groups:
    for n in g:
        label[n]=g[0]
out=[]
seen=set(n for _,n,_ in rows)
for g in groups:
    for n in g:
        assert n in seen, n
for s,n,i in rows:
    if 'REDACTED' in n or n in ambiguous: continue
    out.append((s,agency[s],i,n,label.get(n,n)))
# cluster ids
ids={}
with open(os.path.join(HERE,'supplier-labels.csv'),'w',newline='') as f:
    w=csv.writer(f)
    w.writerow(['source','agency','supplier_id','name','cluster','kind'])
    for s,a,i,n,c in out:
        if c not in ids: ids[c]='C%04d'%(len(ids)+1)
        w.writerow([s,a,i,n,ids[c],'personal' if n in personal else 'organisation'])
print(len(out), len(ids))
cnt=collections.Counter(c for *_,c in out)
pairs=sum(v*(v-1)//2 for v in cnt.values())
print('true pairs',pairs)
