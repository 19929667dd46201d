#!/usr/bin/env python3
"""Prints the Version attribute (number of writes) of the stored grain state whose key contains a text, from dynalite."""
import json, sys, urllib.request

url, table, needle = sys.argv[1], sys.argv[2], sys.argv[3]
request = urllib.request.Request(url, data=json.dumps({"TableName": table}).encode(), method="POST", headers={
    "X-Amz-Target": "DynamoDB_20120810.Scan",
    "Content-Type": "application/x-amz-json-1.0",
    "X-Amz-Date": "20260101T000000Z",
    "Authorization": "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0",
})
try:
    items = json.load(urllib.request.urlopen(request)).get("Items", [])
except urllib.error.HTTPError:
    items = []
versions = [int(i["Version"]["N"]) for i in items if needle in i["GrainKey"]["S"]]
print(max(versions) if versions else 0)
