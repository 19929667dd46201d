terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.95"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }

  # Remote state: copy backend.tf.example to backend.tf and fill in the bucket (state holds generated secrets,
  # so the bucket is encrypted and private).
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project   = "k8shop"
      ManagedBy = "terraform"
    }
  }
}
