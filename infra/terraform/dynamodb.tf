# The inventory grains' table, with the key schema the silo's DynamoDB grain storage checks at start
# (src/Orleans.Persistence.DynamoDB: hash key GrainKey, range key StateName, both strings).
resource "aws_dynamodb_table" "inventory" {
  name         = var.inventory_table_name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "GrainKey"
  range_key    = "StateName"

  attribute {
    name = "GrainKey"
    type = "S"
  }

  attribute {
    name = "StateName"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  deletion_protection_enabled = true
}
